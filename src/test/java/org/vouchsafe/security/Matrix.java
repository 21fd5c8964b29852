package org.vouchsafe.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The authorization matrix of {@code src/test/resources/security/matrix.csv}. */
final class Matrix {

    static final String RESOURCE = "/security/matrix.csv";
    /** Column headers of the role columns, in file order, and the account that plays each role. */
    static final List<String> ROLES = List.of("anonymous", "applicants", "vouchers", "reviewers", "list-admins");
    static final List<String> USERS = Arrays.asList(null, "applicant", Requests.VOUCHER, "reviewer1", "admin");

    private Matrix() {
    }

    /** One route and the status every role gets. */
    record Row(String method, String path, String id, String body, List<Integer> statuses) {

        /** The path without its query string: the route as Spring maps it. */
        String route() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        String csv(List<Integer> actual) {
            StringBuilder line = new StringBuilder(String.join(",", method, path, id, body));
            actual.forEach(s -> line.append(',').append(s));
            return line.toString();
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] lines = text().split("\n");
        boolean header = true;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header) {
                List<String> roles = Arrays.asList(cells).subList(4, cells.length);
                if (!roles.equals(ROLES)) {
                    throw new IllegalStateException("matrix.csv role columns must be " + ROLES + " but are " + roles);
                }
                header = false;
                continue;
            }
            if (cells.length != 4 + ROLES.size()) {
                throw new IllegalStateException("matrix.csv line has " + cells.length + " cells: " + line);
            }
            List<Integer> statuses = Arrays.stream(cells, 4, cells.length).map(String::strip).map(Integer::valueOf).toList();
            rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(), statuses));
        }
        return rows;
    }

    static String text() {
        try (InputStream in = Matrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matrix as the Markdown table of docs/security.md. */
    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| Method | Route | `{id}` is | ").append(String.join(" | ", ROLES)).append(" |\n");
        md.append("|---|---|---|").append("---|".repeat(ROLES.size())).append('\n');
        for (Row row : rows()) {
            md.append("| ").append(row.method()).append(" | `").append(row.path()).append("` | ")
                    .append(row.id()).append(" |");
            row.statuses().forEach(s -> md.append(' ').append(s).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }
}
