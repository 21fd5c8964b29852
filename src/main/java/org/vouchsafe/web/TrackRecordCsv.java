package org.vouchsafe.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a track-record CSV (the API's header {@code issue,public_date,fix_date,via_distros,
 * reference,upstream_fix_date}) into rows of the filing form, so the applicant sees and can
 * correct every imported entry before filing. It only fills the form: the entries are judged
 * by the filing validator and the checks like typed ones.
 */
final class TrackRecordCsv {

    static final List<String> HEADER = List.of("issue", "public_date", "fix_date", "via_distros", "reference",
            "upstream_fix_date");
    /** More rows than any honest track record has; stops a pasted log from flooding the form. */
    static final int MAX_ROWS = 500;

    private TrackRecordCsv() {
    }

    /** The rows read, or the problems (with line numbers) that stopped the import. */
    record Result(List<FilingForm.TrackRowForm> rows, List<String> problems) {
    }

    static Result parse(String text) {
        List<String> problems = new ArrayList<>();
        List<FilingForm.TrackRowForm> rows = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> header = body.lines().findFirst().map(l -> List.of(l.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*")))
                .orElse(List.of());
        if (!header.equals(HEADER)) {
            problems.add("line 1: the header must be exactly " + String.join(",", HEADER) + ".");
            return new Result(rows, problems);
        }
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(false);
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(body)) {
            int line = 1;
            while (it.hasNextValue()) {
                line++;
                Map<String, String> values = it.nextValue();
                if (rows.size() == MAX_ROWS) {
                    problems.add("the file has more than " + MAX_ROWS + " entries; give the most recent ones.");
                    break;
                }
                FilingForm.TrackRowForm row = new FilingForm.TrackRowForm();
                row.setIssue(value(values, "issue"));
                row.setPublicDate(value(values, "public_date"));
                row.setFixDate(value(values, "fix_date"));
                row.setReference(value(values, "reference"));
                row.setUpstreamFixDate(value(values, "upstream_fix_date"));
                String via = value(values, "via_distros").toLowerCase(Locale.ROOT);
                switch (via) {
                    case "true", "yes", "1" -> row.setViaDistrosList(true);
                    case "false", "no", "0", "" -> row.setViaDistrosList(false);
                    default -> problems.add("line " + line + ": via_distros must be true or false, not \"" + via + "\".");
                }
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the file is not valid CSV: " + e.getMessage().lines().findFirst().orElse("unreadable") + ".");
        }
        return new Result(problems.isEmpty() ? rows : List.of(), problems);
    }

    private static String value(Map<String, String> values, String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }
}
