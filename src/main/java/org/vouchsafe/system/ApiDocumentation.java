package org.vouchsafe.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI document ({@code /v3/api-docs}, ADR 0007) as applicants' tooling needs it, added in
 * one place so that controllers carry only a summary ({@code @Operation(summary = …)}):
 * <ul>
 * <li>the product's title, version and description; HTTP Basic as the security scheme;</li>
 * <li>who may call each operation, in its description and as {@code x-roles} (the groups of
 * its {@code @PreAuthorize}; the open routes of {@link SecurityConfig#OPEN_API_ROUTES} need no
 * account and say why; any other route takes any signed-in account);</li>
 * <li>the problem+json answers each operation can give, by the shape of the operation (a body:
 * 400, 409, 413; a query parameter: 400; a path variable: 404; signed in: 401, 403; always 429 and 503), with the
 * {@code Problem} schema and its {@code errors} array;</li>
 * <li>request examples from {@code docs/examples/} (packaged under {@code openapi-examples/}).</li>
 * </ul>
 * A new endpoint is covered without further work; a controller may still declare its own
 * {@code @ApiResponse} for a code, which is then kept as it is.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String ROLES = "x-roles";
    static final List<String> SIGNED_IN = List.of(Roles.APPLICANTS, Roles.VOUCHERS, Roles.REVIEWERS, Roles.LIST_ADMINS);

    /** Request examples: operation ("METHOD path") to file in docs/examples/. */
    static final Map<String, String> EXAMPLES = Map.of(
            "POST /api/requests", "request.json",
            "POST /api/requests/{id}/votes", "vote.json",
            "POST /api/requests/{id}/decision", "decision.json",
            "POST /api/requests/{id}/replies", "reply.json");

    private static final String DESCRIPTION = """
            Vouchsafe runs the membership process of private security embargo lists such as the Openwall \
            (linux-)distros lists: a distro files a request answering the nine membership criteria, automated \
            checks judge what a machine can, list members review and vote, the list admin decides.

            **Authentication.** HTTP Basic with a Vouchsafe account on every call except the few marked \
            "no account needed". Each operation names the groups that may call it (also as `x-roles`); \
            where a request is concerned the service also checks the caller's relation to it (an applicant \
            sees their own requests, a reviewer is kept out of the review of their own distro).

            **Errors.** Every refusal is RFC 9457 `application/problem+json` with a field-level `errors` \
            array (`{"field": "requesters[0].email", "message": "what is wrong and how to fix it"}`), never a \
            stack trace. 429 and 503 carry `Retry-After` (seconds): wait that long and send the call again. \
            Before the application is ready (accounts, list key) every `/api` call answers 503.

            JSON is UTF-8, dates ISO-8601; unknown fields in a body are refused (400). Field names and paths \
            are a fixed contract; the API may grow.""";

    private static final Pattern AUTHORITY = Pattern.compile("'([A-Za-z0-9_-]+)'");
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    OpenAPI vouchsafeOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Vouchsafe API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description(DESCRIPTION)
                        .license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A Vouchsafe account (Camunda identity); repeated failures make the address wait (429).")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Who may call an operation: the groups its {@code @PreAuthorize} names. */
    @Bean
    OperationCustomizer rolesFromPreAuthorize() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null) {
                List<String> roles = new ArrayList<>();
                Matcher m = AUTHORITY.matcher(rule.value());
                while (m.find()) {
                    roles.add(m.group(1));
                }
                operation.addExtension(ROLES, roles);
            }
            return operation;
        };
    }

    /** Roles of the rest, error answers, schemas and examples, for every operation. */
    @Bean
    OpenApiCustomizer standardAnswers() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(FIELD_PROBLEM, fieldProblemSchema());
            components.addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        SecurityConfig.OpenRoute open = openRoute(path, method);
        String who;
        if (open != null) {
            operation.setSecurity(List.of());
            operation.addExtension(ROLES, List.of());
            who = open.why();
        } else {
            if (operation.getExtensions() == null || !operation.getExtensions().containsKey(ROLES)) {
                operation.addExtension(ROLES, SIGNED_IN);
                who = "Any signed-in account; access to the request concerned is checked per caller.";
            } else {
                who = "Roles: " + String.join(", ", roles(operation)) + ".";
            }
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description.strip() + "\n\n" + who);

        boolean body = operation.getRequestBody() != null;
        // Path variables are free text: a wrong one is not found (404), not invalid.
        boolean parameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn()));
        boolean changes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (body || parameters) {
            problem(responses, "400", "Invalid input: `errors` names each field at fault and how to fix it.");
        }
        if (open == null) {
            problem(responses, "401", "No credentials, or wrong ones (HTTP Basic).");
            problem(responses, "403", "The caller's role, or their relation to the request, does not allow this.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such request (or other item named in the path), or not visible to the caller.");
        }
        if (changes) {
            problem(responses, "409", "Clashes with the current state (already voted, already decided, not waiting for this) "
                    + "or with a change made at the same moment: reload, then decide whether to send it again.");
        }
        if (body) {
            problem(responses, "413", "The body is too large (JSON 1 MB, evidence uploads 10 MB by default).");
        }
        problem(responses, "429", "Too many attempts (failed sign-ins from this address or for this user, or a rate limit): "
                + "wait `Retry-After` seconds.").addHeaderObject("Retry-After", retryAfter());
        problem(responses, "503", "Starting up, or busy (no database connection in time): send it again after "
                + "`Retry-After` seconds.").addHeaderObject("Retry-After", retryAfter());

        String example = EXAMPLES.get(method.name() + " " + path);
        if (example != null && body && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
            if (json != null) {
                json.addExamples(example.replace(".json", ""),
                        new Example().summary("docs/examples/" + example).value(example(example)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Operation operation) {
        return (List<String>) operation.getExtensions().get(ROLES);
    }

    private static SecurityConfig.OpenRoute openRoute(String path, PathItem.HttpMethod method) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        return SecurityConfig.OPEN_API_ROUTES.stream()
                .filter(r -> r.method().name().equals(method.name()) && PATHS.match(r.pattern(), concrete))
                .findFirst().orElse(null);
    }

    /** Adds a problem+json answer for the code unless the operation documents its own. */
    private static ApiResponse problem(ApiResponses responses, String code, String description) {
        ApiResponse existing = responses.get(code);
        if (existing != null) {
            return existing;
        }
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        responses.addApiResponse(code, response);
        return response;
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before sending the call again.").schema(new IntegerSchema());
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").example("about:blank")
                .description("A URI naming the kind of problem; about:blank when the status says it all."));
        properties.put("title", new StringSchema().example("Invalid input").description("Short, the same for every problem of the kind."));
        properties.put("status", new IntegerSchema().example(400).description("The HTTP status."));
        properties.put("detail", new StringSchema().description("What happened, in words a person can act on."));
        properties.put("instance", new StringSchema().format("uri").description("The path the problem occurred on."));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                .description("The fields at fault; empty when no particular field is."));
        Schema schema = new ObjectSchema().description("RFC 9457 problem details with a field-level `errors` array. "
                + "Some problems carry further properties (e.g. `people` on an approval that would subscribe nobody).");
        schema.setProperties(properties);
        schema.setRequired(List.of("title", "status", "errors"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }

    @SuppressWarnings("rawtypes")
    private static Schema fieldProblemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().example("requesters[0].email")
                .description("JSON path of the field (or `line 12: fix_date` in an upload); empty for the body as a whole."));
        properties.put("message", new StringSchema().example("must be an e-mail address, e.g. ann@example.org.")
                .description("What is wrong and how to fix it."));
        Schema schema = new ObjectSchema().description("One thing wrong with one field of the input.");
        schema.setProperties(properties);
        schema.setRequired(List.of("field", "message"));
        return schema;
    }

    private static Object example(String file) {
        ClassPathResource resource = new ClassPathResource("openapi-examples/" + file);
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI example " + file + " is missing from the classpath "
                    + "(docs/examples/ is packaged as openapi-examples/)", e);
        }
    }
}
