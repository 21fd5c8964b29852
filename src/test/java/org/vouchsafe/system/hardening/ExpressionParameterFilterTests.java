package org.vouchsafe.system.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExpressionParameterFilterTests {

    private static final int CAP = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionParameterFilter filter = new ExpressionParameterFilter(CAP);
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void shouldRefuseAnExpressionQueryParameterNamingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.addParameter("taskNameLikeExpression", "${''.getClass()}");

        filter.doFilter(request, response, chain);

        assertRefused(400, "taskNameLikeExpression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"assigneeexpression", "ASSIGNEEEXPRESSION", "dueDateExpression ", "Expression"})
    void shouldRefuseParameterNamesEndingInExpressionInAnyCase(String name) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.addParameter(name, "x");

        filter.doFilter(request, response, chain);

        assertRefused(400, name);
    }

    @Test
    void shouldRefuseAnExpressionNestedInOrQueries() throws Exception {
        MockHttpServletRequest request = post("""
                {"processDefinitionKey":"membership",
                 "orQueries":[{"assignee":"alice"},{"nameExpression":"${execution}"}]}""");

        filter.doFilter(request, response, chain);

        assertRefused(400, "orQueries[1].nameExpression");
    }

    @Test
    void shouldRefuseAnExpressionKeyBuriedDeepInArraysAndObjects() throws Exception {
        StringBuilder json = new StringBuilder();
        int depth = 60;
        for (int i = 0; i < depth; i++) {
            json.append("{\"level\":[");
        }
        json.append("{\"candidateGroupsEXPRESSION\":\"${x}\"}");
        for (int i = 0; i < depth; i++) {
            json.append("]}");
        }

        filter.doFilter(post(json.toString()), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(field()).endsWith("level[0].candidateGroupsEXPRESSION").startsWith("level[0].level[0]");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldFindAnExpressionKeyWrittenWithUnicodeEscapes() throws Exception {
        filter.doFilter(post("{\"name\\u0045xpression\":\"${x}\"}"), response, chain);

        assertRefused(400, "nameExpression");
    }

    @Test
    void shouldNotMindExpressionsInValuesOrKeysThatMerelyContainTheWord() throws Exception {
        String body = "{\"description\":\"fooExpression\",\"expressionLanguage\":\"none\",\"list\":[\"aExpression\"]}";

        filter.doFilter(post(body), response, chain);

        assertPassedWithBody(body);
    }

    @Test
    void shouldAnswerMalformedJsonWithProblemJson() throws Exception {
        filter.doFilter(post("{\"processDefinitionKey\": "), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(problem().path("detail").asText()).contains("not valid JSON");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldTreatAnUnlabelledBodyAsJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task");
        request.setContent("{\"assigneeExpression\":\"${currentUser()}\"}".getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, response, chain);

        assertRefused(400, "assigneeExpression");
    }

    @Test
    void shouldRefuseAnOversizedBodyBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = post("{}");
        request.addHeader("Content-Length", Integer.toString(CAP + 1));
        request.setContent(("{\"a\":\"" + "x".repeat(CAP) + "\"}").getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutADeclaredLength() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // MockHttpServletRequest derives Content-Length from the content; a chunked request has none.
        request.setContent(("{\"a\":\"" + "x".repeat(CAP) + "\"}").getBytes(StandardCharsets.UTF_8));
        HttpServletRequest chunked = new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };

        filter.doFilter(chunked, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldPassAHarmlessQueryOnWithItsBodyIntact() throws Exception {
        String body = "{\"processDefinitionKey\":\"membership\",\"orQueries\":[{\"name\":\"Review\"}],\"sorting\":[]}";
        MockHttpServletRequest request = post(body);
        request.addParameter("firstResult", "0");
        request.addParameter("maxResults", "50");

        filter.doFilter(request, response, chain);

        assertPassedWithBody(body);
        assertThat(chain.getRequest().getParameter("maxResults")).isEqualTo("50");
    }

    @Test
    void shouldPassAGetWithoutBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.addParameter("processDefinitionKey", "membership");

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void shouldLeaveMultipartDeploymentsUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
        request.setContentType("multipart/form-data; boundary=x");
        byte[] content = "not json at all".getBytes(StandardCharsets.UTF_8);
        request.setContent(content);

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(content);
    }

    private static MockHttpServletRequest post(String json) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent(json.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private void assertRefused(int status, String field) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = problem();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(field);
        assertThat(field()).isEqualTo(field);
        assertThat(chain.getRequest()).as("refused requests must not reach Camunda").isNull();
    }

    private void assertPassedWithBody(String body) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(passed).isNotNull();
        assertThat(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(passed.getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        // A JAX-RS reader may take the reader instead of the stream; both must give the body.
        assertThat(passed.getReader().readLine()).isEqualTo(body);
    }

    private String field() throws Exception {
        return problem().path("errors").path(0).path("field").asText();
    }

    private JsonNode problem() throws Exception {
        return JSON.readTree(response.getContentAsByteArray());
    }
}
