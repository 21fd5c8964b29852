package org.vouchsafe.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Tasklist's own API, called by hand the way a signed-in user can from the browser's
 * console: the webapp login (session cookie and XSRF token), then the engine REST resources under
 * {@code /camunda/api/engine/engine/default/}. Security tests use it to play what a reviewer or
 * an admin could send besides what the forms send.
 */
public final class Tasklist {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private Tasklist(String base) {
        this.base = base;
    }

    /** Signs {@code user} in to Tasklist with the demo password, as the login page does. */
    public static Tasklist signIn(int port, String user) {
        return signIn(port, user, "demo");
    }

    /** Signs {@code user} in to Tasklist with their own password (a member's, chosen through their invitation). */
    public static Tasklist signIn(int port, String user, String password) {
        Tasklist tasklist = new Tasklist("http://localhost:" + port);
        Response page = tasklist.send("GET", "/camunda/app/tasklist/default/", null, "text/html");
        if (!tasklist.cookies.containsKey("XSRF-TOKEN")) {
            throw new IllegalStateException("no XSRF cookie from Tasklist: " + page);
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Response login = tasklist.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                "application/x-www-form-urlencoded");
        if (login.status() != 200) {
            throw new IllegalStateException(user + " cannot sign in to Tasklist: " + login);
        }
        // Signing in starts a new session without a CSRF token; like Tasklist, fetch something first,
        // and the answer carries the new session's token.
        tasklist.send("GET", "/camunda/api/admin/auth/user/default", null, "application/json");
        return tasklist;
    }

    /**
     * Signs {@code user} in if Tasklist lets them in; otherwise (no account, no Tasklist access) a
     * client with no session, whose calls are anonymous to the webapp API.
     */
    public static Tasklist signInIfAllowed(int port, String user) {
        Tasklist tasklist = new Tasklist("http://localhost:" + port);
        tasklist.send("GET", "/camunda/app/tasklist/default/", null, "text/html");
        if (user == null) {
            return tasklist;
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        Response login = tasklist.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                "application/x-www-form-urlencoded");
        if (login.status() == 200) {
            tasklist.send("GET", "/camunda/api/admin/auth/user/default", null, "application/json");
        }
        return tasklist;
    }

    /** Any call to the webapp API with a JSON body (or none). */
    public Response call(String method, String path, Object body) {
        return body == null ? send(method, path, null, "application/json") : send(method, path, body);
    }

    /** {@code POST task/{id}/submit-form}, what Tasklist sends when the user submits a Camunda Form. */
    public Response submitForm(String taskId, Map<String, Object> fields) {
        return send("POST", ENGINE + "/task/" + taskId + "/submit-form", Map.of("variables", variables(fields)));
    }

    /** {@code POST task/{id}/complete} with variables. */
    public Response complete(String taskId, Map<String, Object> fields) {
        return send("POST", ENGINE + "/task/" + taskId + "/complete", Map.of("variables", variables(fields)));
    }

    /** {@code PUT task/{id}/variables/{name}} (or {@code localVariables}). */
    public Response putVariable(String taskId, String name, Object value, boolean local) {
        return send("PUT", ENGINE + "/task/" + taskId + (local ? "/localVariables/" : "/variables/") + name, typed(value));
    }

    /** {@code POST task/{id}/variables}: the modification endpoint, several at once. */
    public Response modifyVariables(String taskId, Map<String, Object> fields) {
        return send("POST", ENGINE + "/task/" + taskId + "/variables", Map.of("modifications", variables(fields)));
    }

    /** {@code POST task/{id}/assignee}. */
    public Response assign(String taskId, String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        return send("POST", ENGINE + "/task/" + taskId + "/assignee", body);
    }

    /** {@code POST task/{id}/claim}. */
    public Response claim(String taskId, String userId) {
        return send("POST", ENGINE + "/task/" + taskId + "/claim", Map.of("userId", userId));
    }

    /** {@code PUT process-instance/{id}/variables/{name}}. */
    public Response putProcessVariable(String processInstanceId, String name, Object value) {
        return send("PUT", ENGINE + "/process-instance/" + processInstanceId + "/variables/" + name, typed(value));
    }

    /** {@code POST task/{id}/comment/create}. */
    public Response comment(String taskId, String message) {
        return send("POST", ENGINE + "/task/" + taskId + "/comment/create", Map.of("message", message));
    }

    private static Map<String, Object> variables(Map<String, Object> fields) {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, typed(value)));
        return variables;
    }

    private static Map<String, Object> typed(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        if (value instanceof Integer) {
            typed.put("type", "Integer");
        } else if (value instanceof Boolean) {
            typed.put("type", "Boolean");
        } else if (value != null) {
            typed.put("type", "String");
        }
        return typed;
    }

    private Response send(String method, String path, Object body) {
        try {
            return send(method, path, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, text/plain, */*");
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        if (cookies.containsKey("XSRF-TOKEN")) {
            request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        if (!"GET".equals(method)) {
            // Camunda's CSRF filter also wants a same-origin Origin (or Referer), as a browser sends.
            request.header("Origin", base);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of one call. */
    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String message() {
            return body == null || body.isBlank() ? "" : json().path("message").asText();
        }

        public boolean refused() {
            return status == 400 || status == 403;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

}
