package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.PayloadTooLargeException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns OSV records (<a href="https://ossf.github.io/osv-schema/">OSV schema</a>) into entries.
 *
 * <p>Which record is which: a record whose id another record of the upload names (in
 * {@code aliases} or {@code upstream}) is an <em>upstream</em> record; every other record is
 * one of the distro's own advisories. So a distro uploads its advisories (DSA-…, each naming
 * its CVE ids as aliases or upstream) together with the upstream records of those CVEs.
 *
 * <p>Each advisory gives one entry per CVE id it names (or, naming none, per other id it names;
 * or, naming nothing, its own id): the fix date is the advisory's {@code published}, the
 * public date the earliest {@code published} of the upload's upstream records that have the
 * issue as id or alias, the reference the advisory's first https reference of type ADVISORY
 * (else its first https reference), and via (linux-)distros is
 * {@code database_specific.via_distros} when it is true, else false (OSV has no such field).
 * An issue with no upstream record in the upload is a problem: its public date must come
 * from its upstream record or from a CSV upload.
 */
final class OsvTrackRecordReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        // The body is at most 10 MB; deep nesting is the remaining way to make the parser work hard.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private OsvTrackRecordReader() {
    }

    private record Osv(String where, String id, List<String> aliases, LocalDate published, JsonNode node) {
    }

    /** @param files file name (or "body") → JSON: one OSV record or an array of them */
    static List<LocatedEntry> read(Map<String, byte[]> files, int maxEntries, List<FieldProblem> problems) {
        List<Osv> records = new ArrayList<>();
        boolean single = files.size() == 1 && files.containsKey("body");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String fileWhere = single ? "" : "file " + file.getKey() + " ";
            JsonNode root;
            try {
                root = MAPPER.readTree(file.getValue());
            } catch (JsonProcessingException e) {
                problems.add(new FieldProblem(fileWhere.isEmpty() ? "body" : fileWhere.trim(),
                        "is not valid JSON (" + e.getOriginalMessage() + " at line "
                                + e.getLocation().getLineNr() + "); upload OSV records as a JSON array or a zip of .json files"));
                continue;
            } catch (IOException e) {
                problems.add(new FieldProblem(fileWhere.isEmpty() ? "body" : fileWhere.trim(), "could not be read"));
                continue;
            }
            if (root == null || !(root.isArray() || root.isObject())) {
                problems.add(new FieldProblem(fileWhere.isEmpty() ? "body" : fileWhere.trim(),
                        "must be an OSV record (a JSON object) or an array of them"));
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(nodes::add);
            } else {
                nodes.add(root);
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (records.size() >= maxEntries) {
                    throw new PayloadTooLargeException("the upload has more than " + maxEntries
                            + " OSV records; upload fewer at a time");
                }
                String where = fileWhere + (root.isArray() ? "record " + (i + 1) : "record");
                Osv osv = record(where.trim(), nodes.get(i), problems);
                if (osv != null) {
                    records.add(osv);
                }
            }
        }
        return entries(records, maxEntries, problems);
    }

    private static Osv record(String where, JsonNode node, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(where, "must be an OSV record (a JSON object)"));
            return null;
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            problems.add(new FieldProblem(where + ": id", "is missing; every OSV record has an id"));
            return null;
        }
        String named = where + " (" + TrackRecordValidator.shorten(id.asText()) + ")";
        List<String> aliases = new ArrayList<>();
        for (String field : List.of("aliases", "upstream")) {
            JsonNode list = node.get(field);
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    problems.add(new FieldProblem(named + ": " + field, "must be an array of ids"));
                    return null;
                }
                list.forEach(a -> {
                    if (a.isTextual() && !a.asText().isBlank()) {
                        aliases.add(a.asText().trim());
                    }
                });
            }
        }
        JsonNode published = node.get("published");
        if (published == null || !published.isTextual()) {
            problems.add(new FieldProblem(named + ": published", "is missing; OSV records need a published timestamp"));
            return null;
        }
        LocalDate date = timestamp(published.asText());
        if (date == null) {
            problems.add(new FieldProblem(named + ": published", "is not an RFC 3339 timestamp: '"
                    + TrackRecordValidator.shorten(published.asText()) + "'; write e.g. 2026-01-31T00:00:00Z"));
            return null;
        }
        return new Osv(named, id.asText().trim(), aliases, date, node);
    }

    /** The UTC date of an RFC 3339 timestamp (a plain date is accepted too); null if unparsable. */
    private static LocalDate timestamp(String s) {
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static List<LocatedEntry> entries(List<Osv> records, int maxEntries, List<FieldProblem> problems) {
        Set<String> named = new HashSet<>();
        for (Osv r : records) {
            for (String a : r.aliases()) {
                if (!key(a).equals(key(r.id()))) {
                    named.add(key(a));
                }
            }
        }
        Map<String, LocalDate> disclosed = new HashMap<>();
        for (Osv r : records) {
            if (named.contains(key(r.id()))) {
                disclosed.merge(key(r.id()), r.published(), OsvTrackRecordReader::earlier);
                for (String a : r.aliases()) {
                    disclosed.merge(key(a), r.published(), OsvTrackRecordReader::earlier);
                }
            }
        }
        List<LocatedEntry> entries = new ArrayList<>();
        for (Osv advisory : records) {
            if (named.contains(key(advisory.id()))) {
                continue;
            }
            String reference = reference(advisory.node());
            if (reference == null) {
                problems.add(new FieldProblem(advisory.where() + ": references", "has no https link; add the "
                        + "advisory's URL as a reference of type ADVISORY"));
            }
            JsonNode via = advisory.node().path("database_specific").path("via_distros");
            for (String issue : issues(advisory)) {
                LocalDate publicDate = disclosed.get(key(issue));
                if (publicDate == null) {
                    problems.add(new FieldProblem(advisory.where() + ": " + issue, "has no public date: add the "
                            + "upstream OSV record of " + issue + " to this upload (its published date is the "
                            + "disclosure date), or upload this issue as CSV with its public_date"));
                    continue;
                }
                if (reference == null) {
                    continue;
                }
                if (entries.size() >= maxEntries) {
                    throw new PayloadTooLargeException("the upload gives more than " + maxEntries
                            + " entries; upload fewer at a time");
                }
                String where = advisory.where() + " " + issue;
                String prefix = advisory.where() + ": ";
                entries.add(new LocatedEntry(
                        new TrackRecordEntryInput(issue, publicDate, advisory.published(), via.asBoolean(false),
                                reference, null),
                        where,
                        f -> switch (f) {
                            case ISSUE -> prefix + "aliases (" + issue + ")";
                            case PUBLIC_DATE -> prefix + "published of the upstream record of " + issue;
                            case FIX_DATE -> prefix + "published";
                            case VIA_DISTROS -> prefix + "database_specific.via_distros";
                            case REFERENCE -> prefix + "references";
                            case UPSTREAM_FIX_DATE -> prefix + "upstream fix date";
                        }));
            }
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("body", "holds no advisories: every record is named by another one; "
                    + "upload your distro's advisories together with the upstream records they name"));
        }
        return entries;
    }

    /** CVE ids first: they are how the list and the reviewers name issues. */
    private static Set<String> issues(Osv advisory) {
        Set<String> cves = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (String a : advisory.aliases()) {
            (a.toUpperCase(Locale.ROOT).startsWith("CVE-") ? cves : others).add(a);
        }
        if (!cves.isEmpty()) {
            return cves;
        }
        return others.isEmpty() ? Set.of(advisory.id()) : others;
    }

    private static String reference(JsonNode node) {
        String any = null;
        for (JsonNode ref : node.path("references")) {
            String url = ref.path("url").asText("");
            if (TrackRecordValidator.isHttpsUrl(url)) {
                if ("ADVISORY".equals(ref.path("type").asText())) {
                    return url;
                }
                if (any == null) {
                    any = url;
                }
            }
        }
        return any;
    }

    private static String key(String id) {
        return TrackRecordValidator.issueKey(id);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
