package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.problem.PayloadTooLargeException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Criterion 3 for the rest of the application: stores a request's track-record entries
 * (filing payload, CSV and OSV uploads), checks them, and assesses them.
 *
 * <p>Limits: an upload is at most {@value #MAX_UPLOAD_BYTES} bytes (a zip also unpacked), and a
 * request has at most {@value #MAX_ENTRIES} entries; beyond either, {@link PayloadTooLargeException}
 * (413). An upload is all-or-nothing: any problem, and nothing of it is stored
 * ({@link InvalidInputException}, 400, with every problem by line and field, at most
 * {@value #MAX_REPORTED_PROBLEMS}).
 *
 * <p>Callers check that the caller may see or change the request; this service only checks
 * that it exists.
 */
@Service
@Transactional
public class TrackRecordService {

    public static final int MAX_ENTRIES = 100_000;
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    public static final int MAX_REPORTED_PROBLEMS = 100;

    private static final int FLUSH_EVERY = 1_000;
    private static final MediaType ZIP_ALTERNATIVE = MediaType.parseMediaType("application/x-zip-compressed");

    private final TrackRecordEntryRepository repository;
    private final TrackRecordRules rules;
    private final Clock clock;
    private final TrackRecordStatisticsCalculator calculator = new TrackRecordStatisticsCalculator();
    private final TrackRecordChart chart = new TrackRecordChart();

    @PersistenceContext
    private EntityManager entityManager;

    public TrackRecordService(TrackRecordEntryRepository repository, TrackRecordRules rules,
                              ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Checks the {@code evidence.trackRecord} array of a filing payload without storing it.
     *
     * @param fieldPrefix the JSON path of the array, e.g. {@code evidence.trackRecord}
     * @param today       dates after it are rejected as in the future
     * @return the problems, with field paths like {@code evidence.trackRecord[3].fixDate}; empty if fine
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> validate(List<TrackRecordEntryInput> entries, String fieldPrefix, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (entries == null) {
            return problems;
        }
        if (entries.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem(fieldPrefix, "has " + entries.size() + " entries; at most " + MAX_ENTRIES
                    + " are accepted, leave out the oldest"));
            return problems;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = fieldPrefix + "[" + i + "]";
            TrackRecordEntryInput e = entries.get(i);
            if (e == null) {
                problems.add(new FieldProblem(at, "is null; give an entry object or leave it out"));
                continue;
            }
            TrackRecordValidator.validate(e, today, f -> at + "." + f.jsonName(), problems);
            TrackRecordValidator.duplicate(e.issue(), at, at + ".issue", seen, problems);
        }
        return problems;
    }

    /**
     * Stores the entries of a filing payload. They should have passed {@link #validate}; they
     * are checked again (and against what is stored) so that nothing invalid is ever stored.
     *
     * @throws InvalidInputException with the problems, nothing stored
     */
    public void addFromFiling(String requestId, List<TrackRecordEntryInput> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        String prefix = "evidence.trackRecord";
        List<FieldProblem> problems = new ArrayList<>(validate(entries, prefix, today()));
        Map<String, String> stored = storedIssues(requestId);
        for (int i = 0; i < entries.size() && problems.isEmpty(); i++) {
            String at = prefix + "[" + i + "]";
            TrackRecordValidator.duplicate(entries.get(i).issue(), at, at + ".issue", stored, problems);
        }
        checkCount(requestId, entries.size());
        throwIfAny(problems);
        store(requestId, entries, TrackRecordSource.FILING);
    }

    /**
     * Imports an upload of track-record entries: {@code text/csv} (header
     * {@code issue,public_date,fix_date,via_distros,reference,upstream_fix_date}),
     * {@code application/json} (an array of OSV records, or one) or {@code application/zip}
     * (OSV records as .json files). All or nothing.
     *
     * @param contentType the request's Content-Type (parameters such as charset are ignored; text is UTF-8)
     * @throws NotFoundException        the request does not exist
     * @throws PayloadTooLargeException over {@value #MAX_UPLOAD_BYTES} bytes or {@value #MAX_ENTRIES} entries
     * @throws InvalidInputException    any bad line or record, e.g. {@code line 12: fix_date}; nothing stored
     */
    public ImportResult importUpload(String requestId, byte[] body, String contentType) {
        requireRequest(requestId);
        long stored = repository.countByRequestId(requestId);
        Parsed parsed = parse(body, contentType, (int) Math.max(0, MAX_ENTRIES - stored), storedIssues(requestId));
        store(requestId, parsed.entries(), parsed.source());
        return new ImportResult(parsed.source(), parsed.entries().size(), stored + parsed.entries().size());
    }

    /**
     * Reads an upload (as {@link #importUpload}) without storing it, for a self-assessment from
     * evidence alone.
     *
     * @throws PayloadTooLargeException over {@value #MAX_UPLOAD_BYTES} bytes or {@value #MAX_ENTRIES} entries
     * @throws InvalidInputException    any bad line or record
     */
    public List<TrackRecordEntryInput> readUpload(byte[] body, String contentType) {
        return parse(body, contentType, MAX_ENTRIES, new java.util.HashMap<>()).entries();
    }

    private record Parsed(TrackRecordSource source, List<TrackRecordEntryInput> entries) {
    }

    /** Parses and validates an upload; {@code seen} holds issue ids already stored for the request. */
    private Parsed parse(byte[] body, String contentType, int room, Map<String, String> seen) {
        if (body.length > MAX_UPLOAD_BYTES) {
            throw new PayloadTooLargeException("the upload is " + body.length + " bytes; at most " + MAX_UPLOAD_BYTES
                    + " bytes (10 MB) are accepted, split it");
        }
        MediaType type = mediaType(contentType);
        List<FieldProblem> problems = new ArrayList<>();
        List<LocatedEntry> entries;
        TrackRecordSource source;
        if (type.isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
            source = TrackRecordSource.CSV;
            entries = CsvTrackRecordReader.read(utf8(body), Math.min(MAX_ENTRIES, room), problems);
        } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            source = TrackRecordSource.OSV;
            entries = OsvTrackRecordReader.read(Map.of("body", body), Math.min(MAX_ENTRIES, room), problems);
        } else if (type.isCompatibleWith(MediaType.parseMediaType("application/zip"))
                || type.isCompatibleWith(ZIP_ALTERNATIVE)) {
            source = TrackRecordSource.OSV;
            Map<String, byte[]> files = SafeZip.jsonFiles(body, MAX_UPLOAD_BYTES, MAX_ENTRIES);
            entries = OsvTrackRecordReader.read(files, Math.min(MAX_ENTRIES, room), problems);
        } else {
            throw new InvalidInputException("Content-Type", "is " + contentType + "; send text/csv, application/json "
                    + "(OSV records) or application/zip (OSV records as .json files)");
        }
        LocalDate today = today();
        for (LocatedEntry e : entries) {
            TrackRecordValidator.validate(e.input(), today, e.fieldName(), problems);
            TrackRecordValidator.duplicate(e.input().issue(), e.where(), e.fieldName().apply(TrackRecordField.ISSUE),
                    seen, problems);
        }
        if (source == TrackRecordSource.CSV) {
            // Parse problems are found while reading, the others after: report them in file order.
            problems.sort(Comparator.comparingInt(TrackRecordService::lineNumber));
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(new FieldProblem("body", "has no entries; add at least one line after the header"));
        }
        throwIfAny(problems);
        return new Parsed(source, entries.stream().map(LocatedEntry::input).toList());
    }

    /** The stored entries of a request, by fix date. */
    @Transactional(readOnly = true)
    public List<TrackRecordEntry> entries(String requestId) {
        return repository.findByRequestIdOrderByFixDateAscIssueAsc(requestId);
    }

    /**
     * Assesses the stored entries of a request as of its filing date.
     *
     * @param downstream the distro derives from another one (criterion 4): adds the lead over upstream
     * @throws NotFoundException the request does not exist
     */
    @Transactional(readOnly = true)
    public TrackRecordAssessment assess(String requestId, LocalDate filedOn, boolean downstream) {
        requireRequest(requestId);
        return assessInputs(inputs(requestId), filedOn, downstream);
    }

    /**
     * Assesses entries that are not stored (self-assessment). Nothing is stored.
     *
     * @throws InvalidInputException when the entries do not pass {@link #validate} (prefix {@code evidence.trackRecord})
     */
    @Transactional(readOnly = true)
    public TrackRecordAssessment assess(List<TrackRecordEntryInput> entries, LocalDate filedOn, boolean downstream) {
        List<TrackRecordEntryInput> list = entries == null ? List.of() : entries;
        throwIfAny(validate(list, "evidence.trackRecord", today()));
        return assessInputs(list, filedOn, downstream);
    }

    /**
     * Judges entries from a payload that may still be wrong (filing in progress, self-assessment):
     * invalid entries give a FAIL naming the first problem instead of an exception, since the
     * caller reports the field problems separately.
     */
    @Transactional(readOnly = true)
    public CheckResult checkDraft(List<TrackRecordEntryInput> entries, LocalDate filedOn, boolean downstream) {
        List<TrackRecordEntryInput> list = entries == null ? List.of() : entries;
        List<FieldProblem> problems = validate(list, "evidence.trackRecord", today());
        if (!problems.isEmpty()) {
            return CheckResult.fail("The track-record evidence has " + problems.size() + " problem(s); fix them first, "
                    + "starting with " + problems.get(0).field() + ": " + problems.get(0).message());
        }
        return assessInputs(list, filedOn, downstream).check();
    }

    /** Only the statistics of a request's stored entries, for callers that need no verdict. */
    @Transactional(readOnly = true)
    public TrackRecordStatistics statistics(String requestId, LocalDate filedOn) {
        return calculator.calculate(inputs(requestId), filedOn);
    }

    /**
     * The chart of a request's track record as an SVG document ({@code image/svg+xml}).
     *
     * @throws NotFoundException the request does not exist
     */
    @Transactional(readOnly = true)
    public String svg(String requestId, LocalDate filedOn) {
        requireRequest(requestId);
        List<TrackRecordEntryInput> inputs = inputs(requestId);
        return chart.render(inputs, calculator.calculate(inputs, filedOn));
    }

    private TrackRecordAssessment assessInputs(List<TrackRecordEntryInput> inputs, LocalDate filedOn,
                                               boolean downstream) {
        TrackRecordStatistics statistics = calculator.calculate(inputs, filedOn);
        return TrackRecordReasons.assessment(statistics, rules.evaluate(statistics), downstream);
    }

    private List<TrackRecordEntryInput> inputs(String requestId) {
        return entries(requestId).stream().map(TrackRecordEntry::toInput).toList();
    }

    private void store(String requestId, List<TrackRecordEntryInput> inputs, TrackRecordSource source) {
        // Flushed and cleared in chunks: a 100,000-entry upload must not sit in the persistence context.
        int n = 0;
        for (TrackRecordEntryInput input : inputs) {
            entityManager.persist(new TrackRecordEntry(requestId, normalised(input), source));
            if (++n % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
    }

    private static TrackRecordEntryInput normalised(TrackRecordEntryInput e) {
        return new TrackRecordEntryInput(e.issue().trim(), e.publicDate(), e.fixDate(), e.viaDistrosList(),
                e.reference().trim(), e.upstreamFixDate());
    }

    private Map<String, String> storedIssues(String requestId) {
        Map<String, String> seen = new HashMap<>();
        for (String issue : repository.findIssuesByRequestId(requestId)) {
            seen.put(TrackRecordValidator.issueKey(issue), "already stored for this request");
        }
        return seen;
    }

    private void checkCount(String requestId, int adding) {
        long stored = repository.countByRequestId(requestId);
        if (stored + adding > MAX_ENTRIES) {
            throw new PayloadTooLargeException("the request would have " + (stored + adding) + " track-record entries; "
                    + "at most " + MAX_ENTRIES + " are accepted");
        }
    }

    private void requireRequest(String requestId) {
        Number count = (Number) entityManager
                .createNativeQuery("select count(*) from membership_request where id = :id")
                .setParameter("id", requestId)
                .getSingleResult();
        if (count.longValue() == 0) {
            throw new NotFoundException("no membership request " + requestId);
        }
    }

    /** The line of a "line 12: fix_date" field; problems of the whole body go last. */
    private static int lineNumber(FieldProblem p) {
        String f = p.field();
        if (!f.startsWith("line ")) {
            return Integer.MAX_VALUE;
        }
        int end = 5;
        while (end < f.length() && Character.isDigit(f.charAt(end))) {
            end++;
        }
        return end == 5 ? Integer.MAX_VALUE : Integer.parseInt(f.substring(5, end));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType == null ? "" : contentType);
        } catch (InvalidMediaTypeException e) {
            throw new InvalidInputException("Content-Type", "is missing or invalid; send text/csv, application/json "
                    + "(OSV records) or application/zip (OSV records as .json files)");
        }
    }

    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            // A byte-order mark from spreadsheet exports would otherwise become part of "issue".
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not UTF-8 text; save the CSV as UTF-8");
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.size() > MAX_REPORTED_PROBLEMS) {
            List<FieldProblem> shown = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
            shown.add(new FieldProblem("body", "has " + (problems.size() - MAX_REPORTED_PROBLEMS)
                    + " more problems not listed; fix the ones above and upload again"));
            throw new InvalidInputException(shown);
        }
        throw new InvalidInputException(problems);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
