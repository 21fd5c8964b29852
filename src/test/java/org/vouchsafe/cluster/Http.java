package org.vouchsafe.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client that talks to a node as a given user (HTTP Basic, password {@code demo}). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    Http(int threads) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, threads)))
                .build();
    }

    Response get(Node node, String user, String path) {
        return send(node, user, "GET", path, null);
    }

    Response post(Node node, String user, String path, Object body) {
        return send(node, user, "POST", path, body);
    }

    Response put(Node node, String user, String path, Object body) {
        return send(node, user, "PUT", path, body);
    }

    Response send(Node node, String user, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json, */*")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            if (body == null) {
                request.method(method, "PUT".equals(method) || "POST".equals(method)
                        ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString());
        }
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
