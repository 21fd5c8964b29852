package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.PayloadTooLargeException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code text/csv} upload: a header naming the columns (any order;
 * {@code upstream_fix_date} may be left out) and one entry per record. Parsing is Jackson's
 * (quotes, embedded commas and line breaks); this class maps columns to fields and reports
 * each unusable value with its line number. Entries with a parse problem are not returned,
 * so the shared validation does not report the same value twice.
 */
final class CsvTrackRecordReader {

    static final List<String> HEADER = List.of("issue", "public_date", "fix_date", "via_distros", "reference",
            "upstream_fix_date");

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvTrackRecordReader() {
    }

    static List<LocatedEntry> read(String text, int maxEntries, List<FieldProblem> problems) {
        List<LocatedEntry> entries = new ArrayList<>();
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(text)) {
            if (!rows.hasNextValue()) {
                problems.add(new FieldProblem("line 1", "is empty; the first line must be the header "
                        + String.join(",", HEADER)));
                return entries;
            }
            Map<TrackRecordField, Integer> columns = header(rows.nextValue(), problems);
            if (columns == null) {
                return entries;
            }
            while (rows.hasNextValue()) {
                // After hasNextValue() the parser stands at the start of the record: its line, even past empty lines.
                int line = lineOf(rows.getParser().currentLocation());
                String[] row = rows.nextValue();
                if (entries.size() + 1 > maxEntries) {
                    throw new PayloadTooLargeException("the upload has more than " + maxEntries
                            + " entries; split it or leave out the oldest issues");
                }
                LocatedEntry entry = row(line, row, columns, problems);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new FieldProblem(at == null ? "body" : "line " + lineOf(at),
                    "is not valid CSV (" + e.getOriginalMessage() + "); check the quotes: a value with a comma, quote "
                            + "or line break must be in double quotes, and a quote inside it doubled (\"\")"));
        } catch (IOException e) {
            // Reading from a String: only malformed input gets here.
            problems.add(new FieldProblem("body", "could not be read as CSV (" + e.getMessage() + ")"));
        }
        return entries;
    }

    private static int lineOf(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    private static Map<TrackRecordField, Integer> header(String[] names, List<FieldProblem> problems) {
        Map<TrackRecordField, Integer> columns = new EnumMap<>(TrackRecordField.class);
        int before = problems.size();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim().toLowerCase(Locale.ROOT);
            TrackRecordField field = null;
            for (TrackRecordField f : TrackRecordField.values()) {
                if (f.csvName().equals(name)) {
                    field = f;
                }
            }
            if (field == null) {
                problems.add(new FieldProblem("line 1", "has an unknown column '" + TrackRecordValidator.shorten(names[i])
                        + "'; the header is " + String.join(",", HEADER)));
            } else if (columns.putIfAbsent(field, i) != null) {
                problems.add(new FieldProblem("line 1", "names the column " + name + " twice; keep one"));
            }
        }
        for (TrackRecordField f : TrackRecordField.values()) {
            if (f != TrackRecordField.UPSTREAM_FIX_DATE && !columns.containsKey(f)) {
                problems.add(new FieldProblem("line 1", "lacks the column " + f.csvName() + "; the header is "
                        + String.join(",", HEADER)));
            }
        }
        return problems.size() == before ? columns : null;
    }

    private static LocatedEntry row(int line, String[] row, Map<TrackRecordField, Integer> columns,
                                    List<FieldProblem> problems) {
        String where = "line " + line;
        if (row.length > columns.size()) {
            problems.add(new FieldProblem(where, "has " + row.length + " values but the header has " + columns.size()
                    + " columns; put values containing commas in double quotes"));
            return null;
        }
        int before = problems.size();
        String issue = value(row, columns.get(TrackRecordField.ISSUE));
        LocalDate publicDate = date(row, columns, TrackRecordField.PUBLIC_DATE, where, problems);
        LocalDate fixDate = date(row, columns, TrackRecordField.FIX_DATE, where, problems);
        Boolean via = bool(value(row, columns.get(TrackRecordField.VIA_DISTROS)), where, problems);
        String reference = value(row, columns.get(TrackRecordField.REFERENCE));
        LocalDate upstream = date(row, columns, TrackRecordField.UPSTREAM_FIX_DATE, where, problems);
        if (problems.size() > before) {
            return null;
        }
        return new LocatedEntry(new TrackRecordEntryInput(issue, publicDate, fixDate, via, reference, upstream),
                where, f -> where + ": " + f.csvName());
    }

    /** The trimmed value of a column, null when the column is absent, the row short, or the value empty. */
    private static String value(String[] row, Integer column) {
        if (column == null || column >= row.length) {
            return null;
        }
        String v = row[column].trim();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(String[] row, Map<TrackRecordField, Integer> columns, TrackRecordField field,
                                  String where, List<FieldProblem> problems) {
        String v = value(row, columns.get(field));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(where + ": " + field.csvName(), "is not a date: '"
                    + TrackRecordValidator.shorten(v) + "'; write it as yyyy-mm-dd, e.g. 2026-01-31"));
            return null;
        }
    }

    private static Boolean bool(String v, String where, List<FieldProblem> problems) {
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1":
                return Boolean.TRUE;
            case "false", "no", "0":
                return Boolean.FALSE;
            default:
                problems.add(new FieldProblem(where + ": " + TrackRecordField.VIA_DISTROS.csvName(), "is '"
                        + TrackRecordValidator.shorten(v) + "'; write true if the issue was handled on the "
                        + "(linux-)distros list, else false"));
                return null;
        }
    }
}
