package dev.ratchet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The campaigns under a runs folder. */
final class Campaigns {

    private Campaigns() {}

    /** Campaign ids with a log under {@code runs}, sorted. */
    static List<String> list(Path runs) {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("events.db")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs, e);
        }
    }
}
