package org.vouchsafe.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document as applicants' tooling reads it: parsed by swagger-parser without
 * a message, the product named, HTTP Basic declared, and every operation with a summary, the
 * roles that may call it and the problem+json answers its shape can give.
 */
@VouchsafeTest
class ApiDocumentationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    TestRestTemplate rest;

    OpenAPI document;

    @BeforeEach
    void fetchAndParse() {
        Api.Response served = new Api(rest).get("applicant", "/v3/api-docs");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        document = parsed.getOpenAPI();
        assertThat(document).isNotNull();
    }

    @Test
    void shouldNameTheProductAndDeclareHttpBasic() {
        assertThat(document.getInfo().getTitle()).isEqualTo("Vouchsafe API");
        assertThat(document.getInfo().getVersion()).isNotBlank().isNotEqualTo("v0");
        assertThat(document.getInfo().getDescription()).contains("problem+json", "HTTP Basic");
        SecurityScheme basic = document.getComponents().getSecuritySchemes().get(ApiDocumentation.BASIC);
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        assertThat(document.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey(ApiDocumentation.BASIC));
    }

    @Test
    void shouldDescribeTheProblemBodyWithItsErrorsArray() {
        Schema<?> problem = document.getComponents().getSchemas().get(ApiDocumentation.PROBLEM);
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "errors");
        Schema<?> errors = problem.getProperties().get("errors");
        // springdoc writes OpenAPI 3.1, where a schema's type is a set
        assertThat(errors.getTypes()).containsExactly("array");
        assertThat(errors.getItems().get$ref()).endsWith("/" + ApiDocumentation.FIELD_PROBLEM);
        assertThat(document.getComponents().getSchemas().get(ApiDocumentation.FIELD_PROBLEM).getProperties())
                .containsKeys("field", "message");
    }

    @Test
    void shouldGiveEveryOperationASummaryItsRolesAndItsErrorAnswers() {
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    faults.add(name + ": no summary");
                }
                if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                    faults.add(name + ": no description");
                }
                if (operation.getExtensions() == null || !operation.getExtensions().containsKey(ApiDocumentation.ROLES)) {
                    faults.add(name + ": no " + ApiDocumentation.ROLES);
                }
                for (String code : expectedErrors(path.getKey(), entry.getKey(), operation)) {
                    ApiResponse answer = operation.getResponses().get(code);
                    if (answer == null) {
                        faults.add(name + ": no " + code);
                    } else if (answer.getContent() == null || answer.getContent().get(PROBLEM_JSON) == null
                            || answer.getContent().get(PROBLEM_JSON).getSchema() == null) {
                        faults.add(name + ": " + code + " is not problem+json with a schema");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(25);
        assertThat(document.getPaths().keySet()).allMatch(path -> path.startsWith("/api/"));
        assertThat(faults).isEmpty();
    }

    @Test
    void shouldStateTheRolesOfAnOperationAndOpenTheOpenRoutes() {
        Operation decision = document.getPaths().get("/api/requests/{id}/decision").getPost();
        assertThat(decision.getExtensions().get(ApiDocumentation.ROLES)).isEqualTo(List.of(Roles.LIST_ADMINS));
        assertThat(decision.getDescription()).contains("list-admins");

        Operation vouch = document.getPaths().get("/api/requests/{id}/vouches").getPost();
        assertThat(vouch.getSecurity()).isEmpty();
        assertThat(vouch.getResponses()).doesNotContainKey("401");
        assertThat(vouch.getDescription()).contains("No account needed");
    }

    @Test
    void shouldCarryTheRequestExamplesOfTheDocs() {
        Operation filing = document.getPaths().get("/api/requests").getPost();
        var examples = filing.getRequestBody().getContent().get("application/json").getExamples();
        assertThat(examples).containsKey("request");
        assertThat(examples.get("request").getValue().toString()).contains("linux-distros", "Example Linux");
        assertThat(document.getPaths().get("/api/requests/{id}/votes").getPost().getRequestBody().getContent()
                .get("application/json").getExamples()).containsKey("vote");
    }

    @Test
    void shouldAnswerAsDocumented() {
        Api api = new Api(rest);
        for (Api.Response answer : java.util.List.of(api.get(null, "/api/requests"), api.get("nobody", "/api/requests"),
                api.get("applicant", "/api/audit/verify"), api.get("applicant", "/api/requests/no-such-request"))) {
            assertThat(answer.status()).as(answer.toString()).isIn(401, 403, 404);
            assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith(PROBLEM_JSON);
            assertThat(answer.json().path("errors").isArray()).as(answer.toString()).isTrue();
            assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
        }
    }

    /** What every operation of this shape can answer besides success. */
    private static List<String> expectedErrors(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> codes = new ArrayList<>(List.of("429", "503"));
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            codes.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn())))) {
            codes.add("400");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            codes.add("409");
        }
        if (operation.getRequestBody() != null) {
            codes.add("413");
        }
        return codes;
    }
}
