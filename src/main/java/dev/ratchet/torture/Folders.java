package dev.ratchet.torture;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Folder chores the checks share: a sample campaign log to abuse, and removing what a trial left. */
final class Folders {

    private Folders() {}

    /** Runs the tiny campaign in {@code dir} (in this process) and returns its log file. */
    static Path campaign(Round round, Path dir, long seed) {
        Project project = Project.create(dir.resolve("project"), seed);
        Path runs = dir.resolve("runs");
        Ratchet.Outcome run =
                round.ratchet().run(Map.of(), project.args("run", runs, "--campaign", "sample", "--no-report"));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("the sample campaign failed: " + run.all());
        }
        return runs.resolve("sample").resolve("events.db");
    }

    /** Every event of the (closed) log at {@code db}. */
    static List<RecordedEvent> events(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            return events.toList();
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
