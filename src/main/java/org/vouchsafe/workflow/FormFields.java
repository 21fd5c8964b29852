package org.vouchsafe.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields a user may submit for each Camunda Form in {@code forms/}: every component with a
 * {@code key} that is neither read-only nor disabled. A task's completion may carry these and
 * nothing else ({@link TaskSubmissionGuard}); read-only texts such as {@code checksSummary} are
 * shown by the form but belong to the process, so a submission that tries to set them is refused
 * like any other unknown field.
 *
 * <p>Read from the same files the engine deploys, so a field added to a form is accepted as soon
 * as the form ships, and a field removed from it is refused.
 */
@Component
public class FormFields {

    static final String LOCATION = "classpath*:forms/*.form";

    private final Map<String, Set<String>> submittable;

    FormFields() {
        this(load(LOCATION));
    }

    FormFields(Map<String, Set<String>> submittable) {
        this.submittable = Collections.unmodifiableMap(submittable);
    }

    /** The fields a user may submit for the form with this id, or empty if there is no such form. */
    public Optional<Set<String>> submittable(String formId) {
        return Optional.ofNullable(submittable.get(formId));
    }

    /** Every form id, for the wiring tests. */
    public Set<String> formIds() {
        return submittable.keySet();
    }

    static Map<String, Set<String>> load(String location) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> forms = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    String id = form.path("id").asText(null);
                    if (id == null || id.isBlank()) {
                        throw new IllegalStateException("Camunda Form " + resource.getFilename() + " has no id");
                    }
                    Set<String> fields = new LinkedHashSet<>();
                    collect(form.path("components"), fields);
                    forms.put(id, Collections.unmodifiableSet(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms at " + location, e);
        }
        return forms;
    }

    /** Groups and other containers nest their components; their own key is not a field. */
    private static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            if (key != null && !key.isBlank() && !shownOnly && !component.has("components")) {
                fields.add(key);
            }
            collect(component.path("components"), fields);
        }
    }
}
