package org.vouchsafe.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Talks to the running application over HTTP as a given demo user, the way an applicant's
 * tooling or a reviewer's script would.
 */
public final class Api {

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public Response get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
    }

    public Response post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
    }

    public Response postRaw(String user, String path, String body, MediaType type) {
        return exchange(user, HttpMethod.POST, path, body, type);
    }

    public Response exchange(String user, HttpMethod method, String path, Object body, MediaType type) {
        return exchange(user, "demo", method, path, body, type);
    }

    /** As {@code user} with their own password (a member's, set through their invitation). */
    public Response exchange(String user, String password, HttpMethod method, String path, Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.TEXT_PLAIN,
                MediaType.ALL));
        if (body != null) {
            headers.setContentType(type);
        }
        Object payload = body;
        try {
            if (body != null && !(body instanceof String)) {
                payload = json.writeValueAsString(body);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
        return new Response(response, json);
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(ResponseEntity<String> entity, ObjectMapper mapper) {

        public int status() {
            return entity.getStatusCode().value();
        }

        public String body() {
            return entity.getBody();
        }

        public JsonNode json() {
            try {
                return mapper.readTree(entity.getBody() == null ? "null" : entity.getBody());
            } catch (Exception e) {
                throw new AssertionError("Not JSON (status " + status() + "): " + entity.getBody(), e);
            }
        }

        public String header(String name) {
            return entity.getHeaders().getFirst(name);
        }

        /** The {@code field} names of a problem's {@code errors} array. */
        public List<String> errorFields() {
            List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status() + " " + entity.getBody();
        }
    }

    public static Map<String, Object> vote(String vote, String comment) {
        return comment == null ? Map.of("vote", vote) : Map.of("vote", vote, "comment", comment);
    }
}
