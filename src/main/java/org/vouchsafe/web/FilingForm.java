package org.vouchsafe.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.multipart.MultipartFile;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Role;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.intake.TrackRecordEntryInput;

/**
 * The portal's filing form as the browser posts it. Every field is kept as the text the
 * applicant typed, so a re-rendered form after an error shows exactly what was entered (a
 * mistyped date included). {@link #toFilingRequest()} builds the same {@link FilingRequest}
 * the REST API takes; the validator's field paths ({@code answers.4},
 * {@code requesters[0].email}) are mapped back to form fields by the returned
 * {@link Conversion}. Form field names follow the API's paths wherever they can.
 */
public class FilingForm {

    static final int MIN_REQUESTERS = 1;
    static final int MIN_TRACK_ROWS = 3;
    static final int MIN_VOUCHERS = 1;
    private static final Pattern INDEXED = Pattern.compile("^(requesters|vouchers|roles|evidence\\.trackRecord)\\[(\\d+)](.*)$");

    private String list = "linux-distros";
    private DistroForm distro = new DistroForm();
    private List<RequesterForm> requesters = new ArrayList<>();
    private Map<String, String> answers = new TreeMap<>();
    private EvidenceForm evidence = new EvidenceForm();
    private List<RoleForm> roles = new ArrayList<>();
    private PolicyForm policy = new PolicyForm();
    private List<VoucherForm> vouchers = new ArrayList<>();
    private MultipartFile trackRecordFile;

    /** An empty form: one requester, three evidence rows, one voucher, every catalogue role to choose from. */
    static FilingForm blank(Catalogue catalogue) {
        FilingForm form = new FilingForm();
        form.getPolicy().setVersion(catalogue.currentPolicy().version());
        form.normalise(catalogue);
        return form;
    }

    /**
     * Puts the form in shape for rendering: all nine answers, the catalogue's roles in order
     * (keeping what was chosen and written), and at least the minimum rows of each list.
     */
    void normalise(Catalogue catalogue) {
        for (int n = 1; n <= 9; n++) {
            answers.putIfAbsent(String.valueOf(n), "");
        }
        answers.keySet().retainAll(Arrays.asList("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        Map<String, RoleForm> chosen = new HashMap<>();
        roles.stream().filter(r -> r != null && r.getRole() != null).forEach(r -> chosen.putIfAbsent(r.getRole(), r));
        List<RoleForm> ordered = new ArrayList<>();
        for (Role role : catalogue.roles()) {
            RoleForm given = chosen.get(role.id());
            RoleForm row = new RoleForm();
            row.setRole(role.id());
            if (given != null) {
                row.setSelected(given.isSelected());
                row.setSpecifics(given.getSpecifics());
            }
            ordered.add(row);
        }
        roles = ordered;
        requesters.replaceAll(r -> r == null ? new RequesterForm() : r);
        evidence.getTrackRecord().replaceAll(r -> r == null ? new TrackRowForm() : r);
        vouchers.replaceAll(v -> v == null ? new VoucherForm() : v);
        while (requesters.size() < MIN_REQUESTERS) {
            requesters.add(new RequesterForm());
        }
        while (evidence.getTrackRecord().size() < MIN_TRACK_ROWS) {
            evidence.getTrackRecord().add(new TrackRowForm());
        }
        while (vouchers.size() < MIN_VOUCHERS) {
            vouchers.add(new VoucherForm());
        }
    }

    /**
     * Builds the filing payload. Rows left entirely blank are dropped; text that cannot be a
     * date becomes a problem at the date's API path, and the payload carries null there.
     */
    Conversion toFilingRequest() {
        List<FieldProblem> problems = new ArrayList<>();
        FilingRequest.Distro d = new FilingRequest.Distro(distro.getName(), distro.getHomepage(), distro.getOrganization(),
                yesNo(distro.getUnixLike()), yesNo(distro.getOpenSource()),
                date("distro.latestRelease", distro.getLatestRelease(), problems), blankToNull(distro.getUpstream()));

        List<Integer> requesterIndex = new ArrayList<>();
        List<FilingRequest.RequesterInput> people = new ArrayList<>();
        for (int k = 0; k < requesters.size(); k++) {
            RequesterForm r = requesters.get(k);
            if (r != null && !r.isBlank()) {
                requesterIndex.add(k);
                people.add(new FilingRequest.RequesterInput(r.getName(), r.getEmail(), r.getAffiliation(), r.getPublicKey()));
            }
        }

        List<Integer> trackIndex = new ArrayList<>();
        List<TrackRecordEntryInput> entries = new ArrayList<>();
        for (int k = 0; k < evidence.getTrackRecord().size(); k++) {
            TrackRowForm row = evidence.getTrackRecord().get(k);
            if (row == null || row.isBlank()) {
                continue;
            }
            String at = "evidence.trackRecord[" + entries.size() + "]";
            trackIndex.add(k);
            entries.add(new TrackRecordEntryInput(row.getIssue(), date(at + ".publicDate", row.getPublicDate(), problems),
                    date(at + ".fixDate", row.getFixDate(), problems), row.isViaDistrosList(), row.getReference(),
                    date(at + ".upstreamFixDate", row.getUpstreamFixDate(), problems)));
        }
        List<String> links = evidence.getCommunityLinks() == null ? List.of()
                : evidence.getCommunityLinks().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        FilingRequest.Evidence ev = new FilingRequest.Evidence(evidence.getUserbase(),
                blankToNull(evidence.getDownstreamJustification()), links, entries);

        List<Integer> roleIndex = new ArrayList<>();
        List<FilingRequest.RoleInput> chosenRoles = new ArrayList<>();
        for (int k = 0; k < roles.size(); k++) {
            RoleForm role = roles.get(k);
            if (role != null && role.isSelected()) {
                roleIndex.add(k);
                chosenRoles.add(new FilingRequest.RoleInput(role.getRole(), role.getSpecifics()));
            }
        }

        List<Integer> voucherIndex = new ArrayList<>();
        List<FilingRequest.VoucherInput> named = new ArrayList<>();
        for (int k = 0; k < vouchers.size(); k++) {
            VoucherForm v = vouchers.get(k);
            if (v != null && !v.isBlank()) {
                voucherIndex.add(k);
                named.add(new FilingRequest.VoucherInput(v.getName(), v.getEmail(), v.getVouchesFor()));
            }
        }

        Map<String, String> given = new LinkedHashMap<>();
        for (int n = 1; n <= 9; n++) {
            given.put(String.valueOf(n), answers.getOrDefault(String.valueOf(n), ""));
        }
        FilingRequest filing = new FilingRequest(list, d, people, given, ev, chosenRoles,
                new FilingRequest.PolicyInput(policy.getVersion(), policy.isAccepted()), named);
        Map<String, List<Integer>> indexes = Map.of("requesters", requesterIndex, "evidence.trackRecord", trackIndex,
                "roles", roleIndex, "vouchers", voucherIndex);
        return new Conversion(filing, problems, indexes);
    }

    /**
     * The payload and the problems found while reading the form, with the way back from the
     * payload's field paths to the form's fields.
     */
    record Conversion(FilingRequest filing, List<FieldProblem> problems, Map<String, List<Integer>> indexes) {

        /** The form field a validator path belongs to. */
        String formField(String apiPath) {
            if (apiPath == null || apiPath.isEmpty()) {
                return "";
            }
            if (apiPath.startsWith("answers.")) {
                return "answers[" + apiPath.substring("answers.".length()) + "]";
            }
            if (apiPath.startsWith("evidence.communityLinks")) {
                return "evidence.communityLinks";
            }
            if (apiPath.startsWith("policy")) {
                return "policy.accepted";
            }
            Matcher m = INDEXED.matcher(apiPath);
            if (m.matches()) {
                List<Integer> index = indexes.getOrDefault(m.group(1), List.of());
                int i = Integer.parseInt(m.group(2));
                if (i < index.size()) {
                    return m.group(1) + "[" + index.get(i) + "]" + m.group(3);
                }
            }
            return apiPath;
        }

        /** Problems keyed by form field; a reading problem (a bad date) hides the validator's for the same field. */
        FormErrors errors(List<FieldProblem> validation) {
            FormErrors errors = new FormErrors();
            problems.forEach(p -> errors.add(formField(p.field()), p.message()));
            for (FieldProblem p : validation) {
                String field = formField(p.field());
                boolean unreadable = problems.stream().anyMatch(c -> c.field().equals(p.field()));
                if (!unreadable) {
                    errors.add(field, p.message());
                }
            }
            return errors;
        }
    }

    private static Boolean yesNo(String value) {
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        return "false".equals(value) ? Boolean.FALSE : null;
    }

    private static LocalDate date(String apiPath, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(apiPath, "\"" + value.trim() + "\" is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31."));
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static boolean blank(String... values) {
        return Arrays.stream(values).allMatch(v -> v == null || v.isBlank());
    }

    public String getList() { return list; }
    public void setList(String list) { this.list = list; }
    public DistroForm getDistro() { return distro; }
    public void setDistro(DistroForm distro) { this.distro = distro; }
    public List<RequesterForm> getRequesters() { return requesters; }
    public void setRequesters(List<RequesterForm> requesters) { this.requesters = requesters; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> answers) { this.answers = answers; }
    public EvidenceForm getEvidence() { return evidence; }
    public void setEvidence(EvidenceForm evidence) { this.evidence = evidence; }
    public List<RoleForm> getRoles() { return roles; }
    public void setRoles(List<RoleForm> roles) { this.roles = roles; }
    public PolicyForm getPolicy() { return policy; }
    public void setPolicy(PolicyForm policy) { this.policy = policy; }
    public List<VoucherForm> getVouchers() { return vouchers; }
    public void setVouchers(List<VoucherForm> vouchers) { this.vouchers = vouchers; }
    public MultipartFile getTrackRecordFile() { return trackRecordFile; }
    public void setTrackRecordFile(MultipartFile trackRecordFile) { this.trackRecordFile = trackRecordFile; }

    /** The distro; the two yes/no questions are "true", "false" or unanswered. */
    public static class DistroForm {
        private String name;
        private String homepage;
        private String organization;
        private String unixLike;
        private String openSource;
        private String latestRelease;
        private String upstream;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getHomepage() { return homepage; }
        public void setHomepage(String homepage) { this.homepage = homepage; }
        public String getOrganization() { return organization; }
        public void setOrganization(String organization) { this.organization = organization; }
        public String getUnixLike() { return unixLike; }
        public void setUnixLike(String unixLike) { this.unixLike = unixLike; }
        public String getOpenSource() { return openSource; }
        public void setOpenSource(String openSource) { this.openSource = openSource; }
        public String getLatestRelease() { return latestRelease; }
        public void setLatestRelease(String latestRelease) { this.latestRelease = latestRelease; }
        public String getUpstream() { return upstream; }
        public void setUpstream(String upstream) { this.upstream = upstream; }
    }

    /** A person to subscribe; the key is pasted or uploaded as a file (the file wins). */
    public static class RequesterForm {
        private String name;
        private String email;
        private String affiliation;
        private String publicKey;
        private MultipartFile keyFile;

        boolean isBlank() {
            return blank(name, email, affiliation, publicKey);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getAffiliation() { return affiliation; }
        public void setAffiliation(String affiliation) { this.affiliation = affiliation; }
        public String getPublicKey() { return publicKey; }
        public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
        public MultipartFile getKeyFile() { return keyFile; }
        public void setKeyFile(MultipartFile keyFile) { this.keyFile = keyFile; }
    }

    /** Evidence for criteria 2–5; community links one per line. */
    public static class EvidenceForm {
        private String userbase;
        private String downstreamJustification;
        private String communityLinks;
        private List<TrackRowForm> trackRecord = new ArrayList<>();

        public String getUserbase() { return userbase; }
        public void setUserbase(String userbase) { this.userbase = userbase; }
        public String getDownstreamJustification() { return downstreamJustification; }
        public void setDownstreamJustification(String value) { this.downstreamJustification = value; }
        public String getCommunityLinks() { return communityLinks; }
        public void setCommunityLinks(String communityLinks) { this.communityLinks = communityLinks; }
        public List<TrackRowForm> getTrackRecord() { return trackRecord; }
        public void setTrackRecord(List<TrackRowForm> trackRecord) { this.trackRecord = trackRecord; }
    }

    /** One fixed issue of the track record (criterion 3); dates as typed. */
    public static class TrackRowForm {
        private String issue;
        private String publicDate;
        private String fixDate;
        private boolean viaDistrosList;
        private String reference;
        private String upstreamFixDate;

        boolean isBlank() {
            return blank(issue, publicDate, fixDate, reference, upstreamFixDate);
        }

        public String getIssue() { return issue; }
        public void setIssue(String issue) { this.issue = issue; }
        public String getPublicDate() { return publicDate; }
        public void setPublicDate(String publicDate) { this.publicDate = publicDate; }
        public String getFixDate() { return fixDate; }
        public void setFixDate(String fixDate) { this.fixDate = fixDate; }
        public boolean isViaDistrosList() { return viaDistrosList; }
        public void setViaDistrosList(boolean viaDistrosList) { this.viaDistrosList = viaDistrosList; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getUpstreamFixDate() { return upstreamFixDate; }
        public void setUpstreamFixDate(String upstreamFixDate) { this.upstreamFixDate = upstreamFixDate; }
    }

    /** A catalogue role, ticked or not, with what the distro will do in it. */
    public static class RoleForm {
        private String role;
        private boolean selected;
        private String specifics;

        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public boolean isSelected() { return selected; }
        public void setSelected(boolean selected) { this.selected = selected; }
        public String getSpecifics() { return specifics; }
        public void setSpecifics(String specifics) { this.specifics = specifics; }
    }

    /** The policy version shown on the form and whether the applicant accepts it. */
    public static class PolicyForm {
        private String version;
        private boolean accepted;

        public String getVersion() { return version; }
        public void setVersion(String version) { this.version = version; }
        public boolean isAccepted() { return accepted; }
        public void setAccepted(boolean accepted) { this.accepted = accepted; }
    }

    /** Someone willing to vouch for a requester (by the requester's e-mail). */
    public static class VoucherForm {
        private String name;
        private String email;
        private String vouchesFor;

        boolean isBlank() {
            return blank(name, email, vouchesFor);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getVouchesFor() { return vouchesFor; }
        public void setVouchesFor(String vouchesFor) { this.vouchesFor = vouchesFor; }
    }
}
