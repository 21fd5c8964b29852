package org.vouchsafe.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingValidator;
import org.vouchsafe.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class FilingFormTests {

    final Catalogue catalogue = new Catalogue();
    final FilingValidator validator = org.vouchsafe.support.Validators.filingValidator();
    final LocalDate today = LocalDate.of(2026, 3, 1);

    FilingForm filled() {
        FilingForm form = FilingForm.blank(catalogue);
        form.getDistro().setName("Example Linux");
        form.getDistro().setHomepage("https://example.org");
        form.getDistro().setUnixLike("true");
        form.getDistro().setOpenSource("true");
        form.getDistro().setLatestRelease("2026-02-01");
        for (int n = 1; n <= 9; n++) {
            form.getAnswers().put(String.valueOf(n), "Answer " + n);
        }
        FilingForm.RequesterForm ann = form.getRequesters().get(0);
        ann.setName("Ann");
        ann.setEmail("ann@example.org");
        ann.setPublicKey(org.vouchsafe.support.Fixtures.publicKey("ann"));
        FilingForm.TrackRowForm row = form.getEvidence().getTrackRecord().get(1);
        row.setIssue("CVE-2026-0001");
        row.setPublicDate("2026-01-02");
        row.setFixDate("2026-01-04");
        row.setViaDistrosList(true);
        row.setReference("https://example.org/ESA-1");
        form.getEvidence().setCommunityLinks("https://www.openwall.com/lists/oss-security/2026/01/02/3\n\n  ");
        form.getRoles().get(5).setSelected(true);
        form.getRoles().get(5).setSpecifics("We confirm receipt of reports.");
        form.getPolicy().setAccepted(true);
        FilingForm.VoucherForm val = form.getVouchers().get(0);
        val.setName("Val");
        val.setEmail("val@other.org");
        val.setVouchesFor("ann@example.org");
        return form;
    }

    @Test
    void shouldBuildTheSamePayloadAsTheApiAndPassTheValidator() {
        FilingForm.Conversion conversion = filled().toFilingRequest();
        FilingRequest filing = conversion.filing();

        assertThat(conversion.problems()).isEmpty();
        assertThat(validator.validate(filing, today)).isEmpty();
        assertThat(filing.distro().unixLike()).isTrue();
        assertThat(filing.distro().latestRelease()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(filing.distro().upstream()).isNull();
        assertThat(filing.answers()).hasSize(9).containsEntry("4", "Answer 4");
        // the two blank evidence rows are dropped, the blank line of links too
        assertThat(filing.evidence().trackRecord()).singleElement()
                .satisfies(e -> assertThat(e.viaDistrosList()).isTrue());
        assertThat(filing.evidence().communityLinks()).hasSize(1);
        assertThat(filing.roles()).extracting(FilingRequest.RoleInput::role).containsExactly(catalogue.roles().get(5).id());
        assertThat(filing.policy().version()).isEqualTo(catalogue.currentPolicy().version());
        assertThat(filing.vouchers()).hasSize(1);
    }

    @Test
    void shouldMapValidatorPathsBackToTheFormRowsTheyCameFrom() {
        FilingForm form = filled();
        form.getRequesters().add(0, new FilingForm.RequesterForm());   // a blank row before Ann
        form.getRequesters().get(1).setEmail("ann-at-example");
        form.getAnswers().put("4", " ");

        FilingForm.Conversion conversion = form.toFilingRequest();
        FormErrors errors = conversion.errors(validator.validate(conversion.filing(), today));

        assertThat(errors.has("requesters[1].email")).isTrue();
        assertThat(errors.has("answers[4]")).isTrue();
        // the voucher now names an address no requester has
        assertThat(errors.has("vouchers[0].vouchesFor")).isTrue();
        assertThat(errors.id("requesters[1].email")).isEqualTo("err-requesters-1-email");
        assertThat(conversion.formField("evidence.trackRecord[0].fixDate")).isEqualTo("evidence.trackRecord[1].fixDate");
        assertThat(conversion.formField("roles[0].specifics")).isEqualTo("roles[5].specifics");
        assertThat(conversion.formField("evidence.communityLinks[0]")).isEqualTo("evidence.communityLinks");
    }

    @Test
    void shouldReportAnUnreadableDateOnceAndKeepTheTypedText() {
        FilingForm form = filled();
        form.getEvidence().getTrackRecord().get(1).setFixDate("4th of January");

        FilingForm.Conversion conversion = form.toFilingRequest();
        List<FieldProblem> validation = validator.validate(conversion.filing(), today);
        FormErrors errors = conversion.errors(validation);

        assertThat(validation).extracting(FieldProblem::field).contains("evidence.trackRecord[0].fixDate");
        assertThat(errors.get("evidence.trackRecord[1].fixDate")).singleElement()
                .satisfies(m -> assertThat(m).contains("\"4th of January\" is not a date"));
        assertThat(form.getEvidence().getTrackRecord().get(1).getFixDate()).isEqualTo("4th of January");
    }

    @Test
    void shouldKeepRoleChoicesInCatalogueOrderWhenNormalised() {
        FilingForm form = new FilingForm();
        FilingForm.RoleForm a2 = new FilingForm.RoleForm();
        a2.setRole("A2");
        a2.setSelected(true);
        a2.setSpecifics("text");
        FilingForm.RoleForm forged = new FilingForm.RoleForm();
        forged.setRole("X9");
        forged.setSelected(true);
        form.setRoles(new java.util.ArrayList<>(List.of(a2, forged)));

        form.normalise(catalogue);

        assertThat(form.getRoles()).hasSize(18);
        assertThat(form.getRoles()).extracting(FilingForm.RoleForm::getRole)
                .containsExactlyElementsOf(catalogue.roles().stream().map(r -> r.id()).toList());
        FilingForm.RoleForm kept = form.getRoles().stream().filter(r -> r.getRole().equals("A2")).findFirst().orElseThrow();
        assertThat(kept.isSelected()).isTrue();
        assertThat(kept.getSpecifics()).isEqualTo("text");
        assertThat(form.getAnswers()).containsOnlyKeys("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(form.getEvidence().getTrackRecord()).hasSize(FilingForm.MIN_TRACK_ROWS);
    }
}
