package org.vouchsafe.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.vouchsafe.support.Tasklist;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.MemberDistros;
import org.vouchsafe.accountability.AccountabilityService;
import org.vouchsafe.accountability.Caller;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.system.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the authorization matrix: every route in {@code matrix.csv} for every role, asserting
 * the exact status; and fails when the application maps a route the matrix does not list.
 */
@VouchsafeTest
class AuthorizationMatrixTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    AccountabilityService accountability;

    @Autowired
    FilingService filings;

    @Autowired
    ObjectMapper json;

    @Autowired
    MemberRepository members;

    Http http;
    Requests requests;

    static final String MATRIX_MEMBER = "mat.member@matrix-member.example";
    private static final Caller ADMIN = Caller.of("admin", List.of(Roles.LIST_ADMINS));

    /** A fresh member distro of one person holding A1. */
    private MemberDistros.Distro memberDistro() {
        return new MemberDistros(filings, json, members, identity).admit(1, java.time.Instant.parse("2026-01-01T00:00:00Z"), "A1");
    }

    private static AccountabilityService.RaiseInput raise() {
        return new AccountabilityService.RaiseInput("A1", "Missed a report.", "https://www.openwall.com/lists/oss-security/2026/11/20/1");
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        requests = new Requests(http);
        Requests.ensureVoucher(identity);
    }

    @Test
    void shouldListEveryMappedRouteInTheMatrix() {
        Set<String> listed = new LinkedHashSet<>();
        for (Matrix.Row row : Matrix.rows()) {
            listed.add(row.method() + " " + row.route());
        }
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    if (!listed.contains("* " + pattern)) {
                        missing.add("* " + pattern);
                    }
                }
                for (RequestMethod method : methods) {
                    if (!listed.contains(method.name() + " " + pattern) && !listed.contains("* " + pattern)) {
                        missing.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(missing)
                .as("Routes mapped by the application but missing from src/test/resources/security/matrix.csv; "
                        + "add a line per route with the status each role must get, then mirror it in docs/security.md")
                .isEmpty();
    }

    @Test
    void shouldAnswerEveryRouteForEveryRoleAsTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        List<String> actualCsv = new ArrayList<>();
        for (Matrix.Row row : Matrix.rows()) {
            List<Integer> actual = new ArrayList<>();
            String id = row.id().equals("-") ? null : fixture(row.id());
            for (int r = 0; r < Matrix.ROLES.size(); r++) {
                Http.Response response = send(row, Matrix.USERS.get(r), id);
                actual.add(response.status());
                if (response.status() != row.statuses().get(r)) {
                    mismatches.add(row.method() + " " + row.path() + " as " + Matrix.ROLES.get(r) + ": expected "
                            + row.statuses().get(r) + " but got " + response);
                }
                boolean changedState = !row.method().equals("GET") && !row.method().equals("*")
                        && response.status() >= 200 && response.status() < 300;
                if (id != null && changedState) {
                    // The next role must meet the request in the state the row names, not after this change.
                    id = fixture(row.id());
                }
            }
            actualCsv.add(row.csv(actual));
        }
        assertThat(mismatches).as("Statuses differ from matrix.csv. Observed matrix:\n" + String.join("\n", actualCsv))
                .isEmpty();
    }

    private String fixture(String kind) {
        return switch (kind) {
            case "in-review" -> requests.inReview();
            case "needs-info" -> requests.needsInfo();
            case "awaiting-decision" -> requests.awaitingDecision();
            case "vote-task" -> requests.voteTask(tasks, requests.inReview(), "reviewer1");
            case "member-distro" -> memberDistro().id();
            case "member-email" -> matrixMember().getEmail();
            case "accountability-open" -> accountability.raise(memberDistro().id(), raise(), ADMIN).getId();
            case "accountability-answered" -> {
                MemberDistros.Distro distro = memberDistro();
                String item = accountability.raise(distro.id(), raise(), ADMIN).getId();
                // the answer task follows the job that mails the people
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(item).taskDefinitionKey("Task_Answer").count() == 1);
                accountability.answer(item, new AccountabilityService.AnswerInput("We missed it.", "A checklist now."),
                        Caller.of(distro.first().username(), List.of(Roles.MEMBERS, Roles.distroGroup(distro.id()))));
                yield item;
            }
            case "incident" -> incident();
            case "incident-investigating" -> step(incident(), "notified", body("notice"));
            case "incident-report-in" -> step(step(incident(), "notified", body("notice")), "report", body("incident-report"));
            default -> throw new IllegalArgumentException("matrix.csv: unknown id kind " + kind);
        };
    }

    /** A member distro of one person, none of the role columns' accounts among its people. */
    private Member matrixMember() {
        return members.findByEmailIgnoreCase(MATRIX_MEMBER).orElseGet(() -> members.save(new Member(null, "Matrix Member Distro",
                "linux-distros", "Mat Member", MATRIX_MEMBER, null, java.time.Instant.now())));
    }

    /** A leak incident the admin reported on a member distro's behalf, waiting for notice. */
    private String incident() {
        Http.Response reported = http.call("POST", "/api/incidents").as("admin").json(body("incident")).send();
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().path("id").asText();
    }

    /** Takes the incident one step on, as the admin on the distro's behalf. */
    private String step(String incidentId, String step, String body) {
        Http.Response done = http.call("POST", "/api/incidents/" + incidentId + "/" + step).as("admin").json(body).send();
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return incidentId;
    }

    private Http.Response send(Matrix.Row row, String user, String id) {
        String method = row.method().equals("*") ? "GET" : row.method();
        String path = (id == null ? row.path() : row.path().replace("{id}", id).replace("{task}", id)
                        .replace("{distroId}", id).replace("{email}", id))
                .replace("{fingerprint}", "0000000000000000000000000000000000000000")
                // No such invitation, no such account: the rows show who gets as far as looking.
                .replace("{token}", "x".repeat(43))
                .replace("{username}", "nobody-of-that-name");
        if (row.body().equals("camunda-login")) {
            return camundaLogin(path, user);
        }
        if (row.body().startsWith("tasklist:")) {
            return tasklist(method, path, row.body().substring("tasklist:".length()), user);
        }
        Http.Call call = http.call(method, path).as(user);
        if (!path.startsWith("/api") && !path.startsWith("/engine-rest") && !path.startsWith("/v3")) {
            // Pages and webapps are fetched as a browser would.
            call.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
        if (row.body().equals("csv")) {
            // A track-record upload: one fix with an issue id no other call uses.
            call.body("text/csv", java.net.http.HttpRequest.BodyPublishers.ofString(
                    "issue,public_date,fix_date,via_distros,reference,upstream_fix_date\n"
                    + "CVE-2025-" + (10000 + System.nanoTime() % 80000) + ",2025-03-01,2025-03-02,true,https://example.org/sa/1,\n"));
            return call.send();
        }
        String body = body(row.body());
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    private static String body(String kind) {
        Map<String, Object> body = new HashMap<>();
        switch (kind) {
            case "-" -> {
                return null;
            }
            case "filing" -> body = Filings.valid();
            case "empty" -> {
                // An empty object: enough to see who gets past authentication and authorisation.
                return "{}";
            }
            case "vote" -> body.put("vote", "APPROVE");
            case "reply" -> body.put("text", "We shipped 12 releases last year; see our release notes.");
            case "withdrawal" -> body.put("reason", "We will file again once our track record is a year old.");
            case "contribution" -> {
                body.put("role", "A1");
                body.put("date", "2026-01-05");
                body.put("reference", "https://www.openwall.com/lists/oss-security/2026/01/05/1");
                body.put("summary", "Proposed a mitigation.");
            }
            case "password" -> body.put("password", "Correct-Horse-Battery-7");
            case "decision" -> {
                body.put("outcome", "APPROVED");
                body.put("reason", "Meets the criteria.");
                // The requester (Filings.valid()) proved nothing: an approval subscribes them only by exception.
                body.put("exceptions", org.vouchsafe.support.Proofs.exceptions("ann@example.org", "Known in person."));
            }
            case "accountability" -> {
                body.put("role", "A1");
                body.put("what", "The report of 2026-11-20 was not acknowledged for a week.");
                body.put("reference", "https://www.openwall.com/lists/oss-security/2026/11/20/1");
            }
            case "answer" -> {
                body.put("explanation", "Our contact was on leave.");
                body.put("correction", "Two people watch the list now.");
            }
            case "closure" -> {
                body.put("outcome", "EXPLAINED");
                body.put("note", "Understood.");
            }
            case "removal" -> body.put("reason", "Inactive for two years.");
            case "leave" -> body.put("reason", "Changed jobs.");
            case "incident" -> {
                body.put("list", "linux-distros");
                body.put("reference", "[vs-sec] matrix thread");
                body.put("awareAt", java.time.Instant.now().minusSeconds(3600).toString());
                body.put("distroId", "matrix-distro");
            }
            case "notice" -> body.put("notifiedAt", java.time.Instant.now().toString());
            case "incident-report" -> {
                body.put("extent", "One person outside the team.");
                body.put("measures", "Reminded the team of the policy.");
            }
            case "incident-closure" -> body.put("outcome", "ACCEPTED");
            default -> throw new IllegalArgumentException("matrix.csv: unknown body " + kind);
        }
        return Http.json(body);
    }

    /**
     * Camunda's webapp API as Tasklist calls it: the role signs in to Tasklist first (roles that
     * cannot, and anonymous, call without a session), then sends the call with the session and the
     * XSRF token. The bodies play a vote, a vote that also sets the quorum, a variable write and a
     * reassignment.
     */
    private Http.Response tasklist(String method, String path, String kind, String user) {
        Object body = switch (kind) {
            case "-" -> null;
            case "vote" -> Map.of("variables", Map.of("vote", Map.of("value", "APPROVE")));
            case "vote+quorum" -> Map.of("variables", Map.of("vote", Map.of("value", "APPROVE"),
                    "quorum", Map.of("value", 1, "type", "Integer")));
            case "variable" -> Map.of("value", 1, "type", "Integer");
            case "assignee" -> Map.of("userId", "reviewer2");
            default -> throw new IllegalArgumentException("matrix.csv: unknown body tasklist:" + kind);
        };
        Tasklist.Response response = Tasklist.signInIfAllowed(port, user).call(method, path, body);
        return new Http.Response(response.status(), Map.of(), response.body());
    }

    /**
     * Camunda's webapp login: fetch a page for the session and XSRF cookies, then post the
     * credentials with the token echoed in {@code X-XSRF-TOKEN}. Anonymous posts no credentials.
     */
    private Http.Response camundaLogin(String path, String user) {
        Http.Response page = http.call("GET", "/camunda/app/tasklist/default/").header("Accept", "text/html").send();
        String session = page.cookie("JSESSIONID");
        String xsrf = page.cookie("XSRF-TOKEN");
        assertThat(session).as("Camunda session cookie from " + page.headers()).isNotNull();
        assertThat(xsrf).as("Camunda XSRF cookie from " + page.headers()).isNotNull();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("username", user == null ? "" : user);
        form.put("password", user == null ? "" : Http.PASSWORD);
        return http.call("POST", path)
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .form(Http.form(form))
                .send();
    }
}
