package org.vouchsafe.trackrecord;

import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.PayloadTooLargeException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the {@code .json} files of an uploaded zip into memory, defensively: the sizes in
 * the zip's headers are not trusted (bytes are counted while inflating), the total and the
 * number of entries are capped, directories and macOS resource forks are skipped, and names
 * that try to climb out of the archive or are absolute are refused. Nothing is written to disk.
 */
final class SafeZip {

    private SafeZip() {
    }

    /** File name → content, in archive order. */
    static Map<String, byte[]> jsonFiles(byte[] zip, long maxTotalBytes, int maxEntries) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int seen = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++seen > maxEntries) {
                    throw new PayloadTooLargeException("the zip has more than " + maxEntries
                            + " entries; upload fewer records at a time");
                }
                String name = entry.getName();
                checkName(name);
                if (entry.isDirectory() || isResourceFork(name)) {
                    continue;
                }
                if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    throw new InvalidInputException("zip entry " + name,
                            "is not a .json OSV record; the zip may hold only .json files (one record or an array each)");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxTotalBytes) {
                        throw new PayloadTooLargeException("the zip unpacks to more than " + maxTotalBytes
                                + " bytes; upload fewer records at a time");
                    }
                    content.write(buffer, 0, n);
                }
                if (files.put(name, content.toByteArray()) != null) {
                    throw new InvalidInputException("zip entry " + name, "appears twice in the zip; keep one");
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not a readable zip file (" + e.getMessage()
                    + "); upload a plain, unencrypted zip of OSV .json files");
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("body", "holds no .json OSV records; put the records in the zip as .json files");
        }
        return files;
    }

    private static boolean isResourceFork(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith("._");
    }

    private static void checkName(String name) {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                unsafe = true;
            }
        }
        if (unsafe) {
            throw new InvalidInputException("zip entry " + TrackRecordValidator.shorten(name),
                    "has an unsafe path (absolute, with '..', a drive letter or backslashes); "
                            + "zip the files with relative paths");
        }
    }
}
