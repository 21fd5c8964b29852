package org.vouchsafe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends result lines (Markdown) to target/bench/results.md and echoes them. */
final class Results {

    static final Path FILE = Path.of("target", "bench", "results.md");

    private Results() {
    }

    static synchronized void line(String text) {
        System.out.println(text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
