package org.vouchsafe.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.members.MembersTestSupport;
import org.vouchsafe.support.Filings;
import org.vouchsafe.vouching.TestVouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in a real browser (headless Chromium through Selenium), against the running
 * application: an applicant files through the portal, a reviewer reads a dossier, the list
 * admin reads the dashboard. Skipped where Chromium is not installed; CI installs it
 * (packages chromium and chromium-driver). A failing test leaves a screenshot and the page's
 * HTML under target/screenshots/.
 */
@VouchsafeTest
class PagesBrowserTests {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    static WebDriver driver;
    static Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback screenshots = PagesBrowserTests::screenshotOnFailure;

    @LocalServerPort
    int port;

    @Autowired MembersTestSupport memberSupport;
    @Autowired
    TestRestTemplate rest;

    @Autowired
    List<DossierSections> contributors;

    @Autowired
    org.vouchsafe.intake.FilingService filings;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Autowired
    org.vouchsafe.membership.MemberRepository roster;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.vouchsafe.pgp.PgpProperties pgp;

    @BeforeAll
    static void startChromium() throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver); CI installs them");
        profile = Files.createTempDirectory("vouchsafe-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1800", "--user-data-dir=" + profile);
        // An explicit driver executable keeps Selenium Manager from looking for (or downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void signOut() {
        // Each test signs in as its own person.
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void shouldLetAnApplicantFileThroughThePortalAfterFixingAFieldError() throws IOException {
        String distro = Filings.uniqueDistro();
        String email = "ann+" + System.nanoTime() + "@example.org";
        Path key = Files.createTempFile("ann", ".asc");
        Files.writeString(key, org.vouchsafe.support.TestKeys.publicKey(
                org.vouchsafe.support.TestKeys.generate("Ann Example", email)), StandardCharsets.UTF_8);
        signIn("applicant");

        // given a form filled in with a mistyped e-mail and the key uploaded as a file
        driver.get(url("/portal/new"));
        type("distro-name", distro);
        type("distro-homepage", "https://example.org");
        type("distro-organization", "Example Foundation");
        click("distro-unixLike");
        click("distro-openSource");
        setValue("distro-latestRelease", java.time.LocalDate.now().minusDays(20).toString());
        for (int n = 1; n <= 9; n++) {
            type("answers-" + n, "Our answer to criterion " + n + ", with links to the evidence.");
        }
        type("evidence-userbase", "Thousands of installations outside the Example Foundation.");
        type("evidence-communityLinks", "https://www.openwall.com/lists/oss-security/2026/01/02/3");
        type("evidence-trackRecord-0-issue", "CVE-2026-0001");
        setValue("evidence-trackRecord-0-publicDate", java.time.LocalDate.now().minusDays(300).toString());
        setValue("evidence-trackRecord-0-fixDate", java.time.LocalDate.now().minusDays(298).toString());
        click("evidence-trackRecord-0-viaDistrosList");
        type("evidence-trackRecord-0-reference", "https://example.org/security/ESA-2026-001");
        type("requesters-0-name", "Ann Example");
        type("requesters-0-email", "ann-at-example.org");
        type("requesters-0-affiliation", "Example Foundation");
        driver.findElement(By.id("requesters-0-keyFile")).sendKeys(key.toAbsolutePath().toString());
        click("roles-5-selected");
        type("roles-5-specifics", "We confirm receipt of new reports within a day and ask for missing dates.");
        click("policy-accepted");
        type("vouchers-0-name", "Val Voucher");
        type("vouchers-0-email", "val@other.org");
        type("vouchers-0-vouchesFor", email);

        // when it is filed
        click("file-button");

        // then the error is shown next to the e-mail field and nothing typed is lost
        WebElement error = waitFor(By.id("err-requesters-0-email"));
        assertThat(error.getText()).contains("must be an e-mail address");
        assertThat(driver.findElement(By.id("requesters-0-email")).getAttribute("aria-describedby"))
                .isEqualTo("err-requesters-0-email");
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("requesters[0].email");
        assertThat(value("distro-name")).isEqualTo(distro);
        assertThat(value("answers-9")).startsWith("Our answer to criterion 9");
        assertThat(value("evidence-trackRecord-0-issue")).isEqualTo("CVE-2026-0001");
        assertThat(driver.findElement(By.id("roles-5-selected")).isSelected()).isTrue();
        assertThat(value("requesters-0-publicKey")).contains("-----BEGIN PGP PUBLIC KEY BLOCK-----");

        // when the e-mail is fixed and the applicant checks before filing
        driver.findElement(By.id("requesters-0-email")).clear();
        type("requesters-0-email", email);
        click("check-button");

        // then every check's outcome and the forecast are shown, and nothing is filed yet
        WebElement assessment = waitFor(By.id("assessment"));
        assertThat(assessment.findElements(By.cssSelector("tbody tr"))).hasSize(9);
        assertThat(assessment.findElement(By.cssSelector(".forecast")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector(".field-error"))).isEmpty();

        // when it is filed
        click("file-button");

        // then the applicant sees the status, what to do next and the timeline
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(".*/portal/requests/[0-9a-f-]{36}$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(distro);
        assertThat(driver.findElement(By.id("request-status")).getText()).isIn("SUBMITTED", "IN_REVIEW");
        assertThat(driver.findElement(By.id("next-title")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("ol.timeline")).getText()).contains("Filed a request for " + distro);
        String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        Api.Response filed = new Api(rest).get("applicant", "/api/requests/" + id);
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.json().path("distro").path("name").asText()).isEqualTo(distro);
    }

    @Test
    void shouldShowAReviewerTheDossierWithContributedChartsVotesAndThePosting() {
        // given a filed request with one vote and a contributed chart section
        Api api = new Api(rest);
        Map<String, Object> filing = uniqueFiling();
        String id = fileOk(api, filing);
        String distro = (String) Filings.distro(filing).get("name");
        BrowserTestSections.contributeTo(id);
        Api.Response vote = api.post("reviewer2", "/api/requests/" + id + "/votes",
                Api.vote("NEEDS_INFO", "Which releases carried the fix for CVE-2026-0001?"));
        assertThat(vote.status()).as(vote.toString()).isEqualTo(201);

        // when a reviewer opens the dossier (as the Tasklist forms link to it)
        signIn("reviewer1");
        driver.get(url("/requests/" + id));

        // then the answers sit beside each check's outcome and reasons
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(distro);
        List<WebElement> criteria = driver.findElements(By.cssSelector(".criterion-row"));
        assertThat(criteria).hasSize(9);
        for (WebElement criterion : criteria) {
            assertThat(criterion.findElement(By.cssSelector(".answer-text")).getText()).contains("Our answer to criterion");
            assertThat(criterion.findElement(By.cssSelector(".badge")).getText()).isIn("PASS", "CONCERN", "FAIL", "MANUAL", "PENDING");
        }
        // every contributed section is there, and its chart or graph has loaded as SVG
        List<DossierSection> expected = contributors.stream().flatMap(c -> c.sections(id).stream()).toList();
        assertThat(expected).extracting(DossierSection::heading).contains(BrowserTestSections.HEADING);
        String page = driver.findElement(By.tagName("main")).getText();
        for (DossierSection section : expected) {
            assertThat(page).contains(section.heading());
            if (section.svgUrl() != null) {
                WebElement image = driver.findElement(By.cssSelector("img.contributed-svg[src='" + section.svgUrl() + "']"));
                assertThat(image.getAttribute("alt")).isEqualTo(section.svgAlt());
                // a broken image has no natural size; a loaded SVG has its own
                await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) ((JavascriptExecutor) driver).executeScript(
                        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image)).intValue() > 0);
            }
        }
        // votes with comments, the timeline, and the audit trail kept for list admins
        assertThat(driver.findElement(By.id("votes")).getText()).contains("reviewer2").contains("Which releases carried the fix");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("Filed for linux-distros").contains("needs info");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("shown to list admins");

        // and the oss-security posting is one click away, with a copy button
        driver.findElement(By.linkText("oss-security posting")).click();
        WebElement thread = waitFor(By.id("thread-text"));
        assertThat(thread.getText()).contains(distro);
        click("copy-button");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector(".copy-status")).getText().isBlank());
    }

    @Test
    void shouldShowTheAdminTheRequestInItsStageAndTheRoleCoverage() {
        // given one distro approved with role T4 and another request in review
        Api api = new Api(rest);
        Map<String, Object> approvedFiling = uniqueFiling();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) approvedFiling.get("roles");
        roles.add(Map.of("role", "T4", "specifics", "We generalise reported issues to related packages we ship."));
        String approvedDistro = (String) Filings.distro(approvedFiling).get("name");
        String approved = fileOk(api, approvedFiling);
        // only vouched requesters are subscribed: a list member vouches for this one
        @SuppressWarnings("unchecked")
        String requesterEmail = (String) ((List<Map<String, Object>>) approvedFiling.get("requesters")).get(0).get("email");
        org.vouchsafe.vouching.TestVouchers.vouchedByNewMember(members, vouches, approved, requesterEmail);
        for (String reviewer : List.of("reviewer1", "reviewer2", "reviewer3")) {
            Api.Response vote = api.post(reviewer, "/api/requests/" + approved + "/votes", Api.vote("APPROVE", "Looks good."));
            assertThat(vote.status()).as(vote.toString()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("admin", "/api/requests/" + approved).json().path("status").asText().equals("AWAITING_DECISION"));
        // vouched, but without their own policy signature and challenge: the admin subscribes them by exception
        Map<String, Object> approval = new java.util.LinkedHashMap<>(Map.of("outcome", "APPROVED", "reason", "Meets the criteria."));
        approval.put("exceptions", org.vouchsafe.support.Proofs.exceptions(requesterEmail, "Signed and answered on paper.", 6, 8));
        Api.Response decided = api.post("admin", "/api/requests/" + approved + "/decision", approval);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        Map<String, Object> reviewFiling = uniqueFiling();
        String inReviewDistro = (String) Filings.distro(reviewFiling).get("name");
        String inReview = fileOk(api, reviewFiling);
        assertThat(api.get("admin", "/api/requests/" + inReview).json().path("status").asText()).isEqualTo("IN_REVIEW");

        // when the admin opens the dashboard
        signIn("admin");
        driver.get(url("/admin"));

        // then the request in review is listed in that stage, with its age, overdue flag and Cockpit link
        WebElement stage = driver.findElement(By.id("stage-IN_REVIEW"));
        WebElement entry = stage.findElements(By.cssSelector(".stage-requests li")).stream()
                .filter(li -> li.getText().contains(inReviewDistro)).findFirst().orElseThrow();
        assertThat(entry.getText()).contains("0 days old").contains("on time");
        assertThat(entry.findElement(By.cssSelector("a.cockpit")).getAttribute("href"))
                .contains("/camunda/app/cockpit/default/#/process-instance/");
        assertThat(Integer.parseInt(driver.findElement(By.cssSelector("#stage-APPROVED td")).getText())).isPositive();
        assertThat(driver.findElement(By.id("participation")).getText()).contains("reviewer1");
        assertThat(driver.findElement(By.id("median")).getText()).doesNotContain("no request decided yet");
        assertThat(driver.findElements(By.cssSelector("img[src$='/admin/funnel.svg']"))).hasSize(1);

        // and the role coverage table has the 18 roles, the approved distro holding T4, and uncovered roles highlighted
        WebElement coverage = driver.findElement(By.id("coverage-table"));
        assertThat(coverage.findElements(By.cssSelector("tbody tr"))).hasSize(18);
        assertThat(coverage.findElement(By.tagName("thead")).getText()).contains(approvedDistro);
        WebElement cell = coverage.findElement(By.cssSelector("#role-T4 td[data-distro='" + approvedDistro + "']"));
        assertThat(cell.getText()).isIn("P", "B", "H");
        List<WebElement> uncovered = coverage.findElements(By.cssSelector("tr.uncovered"));
        assertThat(uncovered).allSatisfy(row -> assertThat(row.getText()).contains("nobody covers this"));
        assertThat(coverage.findElement(By.id("role-T4")).getAttribute("class")).doesNotContain("uncovered");
    }

    @Test
    void shouldLetTheApplicantWithdrawFromThePortalPageWithAReason() {
        // given a request in review, opened by the applicant who filed it
        Api api = new Api(rest);
        String id = fileOk(api, uniqueFiling());
        signIn("applicant");
        driver.get(url("/portal/requests/" + id));

        // when they withdraw without a reason, the form says what is missing and nothing changes
        click("withdraw-button");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("err-withdrawal-reason")));
        assertThat(driver.findElement(By.id("err-withdrawal-reason")).getText()).contains("required");
        assertThat(driver.findElement(By.id("request-status")).getText()).isNotEqualTo("WITHDRAWN");

        // and with one, the request is withdrawn and the form is gone
        type("withdrawal-reason", "We will come back once our track record is a year old.");
        click("withdraw-button");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElement(By.id("request-status")).getText().equals("WITHDRAWN"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Your request is withdrawn");
        assertThat(driver.findElements(By.id("withdraw-button"))).isEmpty();
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.vouchsafe.membership.MemberRepository members;

    @org.springframework.beans.factory.annotation.Autowired
    org.vouchsafe.vouching.VouchService vouches;

    private Map<String, Object> uniqueFiling() {
        Map<String, Object> filing = Filings.valid();
        String email = "ann+" + System.nanoTime() + "@example.org";
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requesters = (List<Map<String, Object>>) filing.get("requesters");
        requesters.get(0).put("email", email);
        requesters.get(0).put("publicKey", org.vouchsafe.support.TestKeys.publicKey(
                org.vouchsafe.support.TestKeys.generate("Ann Example", email)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> vouchers = (List<Map<String, Object>>) filing.get("vouchers");
        vouchers.get(0).put("vouchesFor", email);
        return filing;
    }

    @Test
    void shouldLetAnInvitedMemberChooseAPasswordAndRecordAContributionOnTheirPage() {
        // given a person just admitted, holding the link from their encrypted invitation
        MembersTestSupport members = memberSupport;
        TestVouchers.Person ann = MembersTestSupport.person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann), "A1");
        String token = members.tokenOf(ann);

        // when they open it and choose a password
        driver.get(url("/invitations/" + token));
        String username = waitFor(By.id("invitation-username")).getText();
        type("password", MembersTestSupport.PASSWORD);
        type("confirmation", MembersTestSupport.PASSWORD);
        driver.findElement(By.cssSelector("#invitation-form button[type=submit]")).click();
        assertThat(waitFor(By.id("invitation-done")).getText()).contains(username);

        // then they sign in and land on their distro's page
        signIn(username, MembersTestSupport.PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/member");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(distro.members().get(0).getDistro());
        assertThat(driver.findElement(By.id("key-status")).getText()).isEqualTo("OK");
        assertThat(driver.getPageSource()).contains("no embargoed content is stored here");

        // when a contribution names no reference it can be checked by, it is refused with the reason
        setValue("c-date", "2026-01-05");
        type("c-reference", "the details of the report");
        type("c-summary", "Proposed a mitigation for the reported issue.");
        driver.findElement(By.cssSelector("#contribution-form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector("#contribution-form .field-error")).getText()).contains("no embargoed content is stored");

        // and a link records it
        driver.findElement(By.id("c-reference")).clear();
        type("c-reference", "https://www.openwall.com/lists/oss-security/2026/01/05/1");
        driver.findElement(By.cssSelector("#contribution-form button[type=submit]")).click();
        assertThat(waitFor(By.id("contribution-list")).getText()).contains("Proposed a mitigation for the reported issue.");
    }

    private static String fileOk(Api api, Map<String, Object> filing) {
        Api.Response filed = api.post("applicant", "/api/requests", filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private void signIn(String user) {
        signIn(user, "demo");
    }

    private void signIn(String user, String password) {
        driver.get(url("/login"));
        type("username", user);
        type("password", password);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private static void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Date inputs take keystrokes in the browser's locale; setting the value is locale-proof. */
    private static void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private static String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void screenshotOnFailure(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }
}
