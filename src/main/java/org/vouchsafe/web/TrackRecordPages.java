package org.vouchsafe.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.trackrecord.TrackRecordAssessment;
import org.vouchsafe.trackrecord.TrackRecordService;
import org.vouchsafe.trackrecord.TrackRecordStatistics;

/**
 * The track record in the dossier: the chart served on the pages' (session) chain, and a
 * section with the figures reviewers weigh. Same service as the REST API's chart.
 */
@Controller
class TrackRecordPages {

    private final TrackRecordService trackRecord;
    private final RequestAccess access;

    TrackRecordPages(TrackRecordService trackRecord, RequestAccess access) {
        this.trackRecord = trackRecord;
        this.access = access;
    }

    @GetMapping(path = "/requests/{id}/track-record.svg", produces = "image/svg+xml")
    @ResponseBody
    @Transactional(readOnly = true)
    String chart(@PathVariable String id, Authentication user) {
        MembershipRequest request = access.readable(id, user);
        return trackRecord.svg(id, LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC));
    }

    /** Contributes the chart and the headline figures to every dossier. */
    @Component
    static class Section implements DossierSections {

        private final TrackRecordService trackRecord;
        private final Requests requests;

        Section(TrackRecordService trackRecord, Requests requests) {
            this.trackRecord = trackRecord;
            this.requests = requests;
        }

        @Override
        @Transactional(readOnly = true)
        public List<DossierSection> sections(String requestId) {
            MembershipRequest request = requests.find(requestId).orElse(null);
            if (request == null) {
                return List.of();
            }
            TrackRecordAssessment assessment = trackRecord.assess(requestId,
                    LocalDate.ofInstant(request.getFiledAt(), ZoneOffset.UTC), request.isDownstream());
            TrackRecordStatistics s = assessment.statistics();
            List<DossierSection.Fact> facts = new ArrayList<>();
            facts.add(new DossierSection.Fact("Fixes", String.valueOf(s.entryCount())));
            if (s.entryCount() > 0) {
                facts.add(new DossierSection.Fact("Span", s.earliestPublicDate() + " to filing (" + s.spanDays() + " days)"));
                facts.add(new DossierSection.Fact("Median latency", s.medianLatencyDays() + " days (p90 " + s.p90LatencyDays()
                        + ", max " + s.maxLatencyDays() + ")"));
                facts.add(new DossierSection.Fact("Within 10 days", String.format("%.0f %%", s.percentWithin10Days())));
                facts.add(new DossierSection.Fact("Via (linux-)distros", String.valueOf(s.viaDistrosCount())));
                facts.add(new DossierSection.Fact("Latest fix", s.latestFixDate() + " (" + s.daysSinceLatestFix() + " days before filing)"));
            }
            assessment.eligibleFrom().ifPresent(date -> facts.add(new DossierSection.Fact("Eligible from", date.toString())));
            return List.of(new DossierSection("Track record (criterion 3)",
                    assessment.check().outcome() + ": " + String.join(" ", assessment.check().reasons()),
                    "/requests/" + requestId + "/track-record.svg",
                    "Histogram of days from disclosure to fix with the 10-day line, and a timeline of fixes",
                    facts, 10));
        }
    }
}
