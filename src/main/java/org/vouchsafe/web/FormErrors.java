package org.vouchsafe.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error messages per form field, in the order found, for showing each next to its field and
 * all of them in a summary at the top that links to the fields.
 */
public class FormErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> get(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.values().stream().mapToInt(List::size).sum();
    }

    /** Every message with its field and the id of the field's input on the page. */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        byField.forEach((field, messages) -> messages.forEach(m -> entries.add(new Entry(field, idOf(field), m))));
        return entries;
    }

    /** The id of the element holding a field's messages, for {@code aria-describedby}. */
    public String id(String field) {
        return "err-" + idOf(field);
    }

    /** The HTML id the templates give a field: {@code requesters[0].email} → {@code requesters-0-email}. */
    public static String idOf(String field) {
        String id = field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "form-errors" : id;
    }

    /** One message. */
    public record Entry(String field, String id, String message) {
    }
}
