package org.vouchsafe.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event details as the canonical JSON string that is stored and hashed: one flat object,
 * keys sorted, no whitespace. A private mapper is used on purpose, so that changes to the
 * application's Jackson settings can never change the stored form of new events.
 */
final class CanonicalDetails {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP_TYPE = new TypeReference<>() {
    };

    private CanonicalDetails() {
    }

    static String write(Map<String, String> details) {
        TreeMap<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("audit details must not contain null keys or values: " + key);
            }
            sorted.put(key, value);
        });
        try {
            return MAPPER.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit details", e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not a JSON object of strings", e);
        }
    }
}
