package dev.ratchet.cli;

import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the {@code <campaign|path>} argument: a path to an events.db (or its folder), or a
 * campaign id under the runs folder ({@code RATCHET_RUNS}, default {@code ./runs}).
 */
final class Campaigns {

    private Campaigns() {}

    static Path runsDir() {
        String env = System.getenv("RATCHET_RUNS");
        return Path.of(env == null || env.isBlank() ? "runs" : env);
    }

    static Path logFile(String campaignOrPath) {
        Path asPath = Path.of(campaignOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        if (Files.isDirectory(asPath) && Files.isRegularFile(asPath.resolve("events.db"))) {
            return asPath.resolve("events.db");
        }
        Path inRuns = runsDir().resolve(campaignOrPath).resolve("events.db");
        if (Files.isRegularFile(inRuns)) {
            return inRuns;
        }
        throw new UsageException("no campaign log found for '" + campaignOrPath + "' (looked for the file " + asPath
                + " and " + inRuns + "); `ratchet status` lists campaigns");
    }

    static SqliteEventLog openReadOnly(String campaignOrPath) {
        return SqliteEventLog.openReadOnly(logFile(campaignOrPath));
    }

    /** Campaign ids with a log under the runs folder, sorted. */
    static List<String> list() {
        Path runs = runsDir();
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("events.db")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + runs, e);
        }
    }
}
