package dev.ratchet.cli;

import dev.ratchet.model.ResponseCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runs-dir} option every command that names a campaign shares. */
final class RunsDir {

    @Option(
            names = "--runs-dir",
            paramLabel = "DIR",
            defaultValue = "${env:RATCHET_RUNS:-runs}",
            description = "Where campaign folders are (default: $RATCHET_RUNS or runs).")
    Path path = Path.of("runs");

    Path logFile(String campaign) {
        return EventLogOpener.locate(campaign, path);
    }

    /** The command line that continues the campaign whose log is {@code dbFile}. */
    String resumeCommand(Path dbFile) {
        Path db = dbFile.toAbsolutePath().normalize();
        Path folder = db.getParent();
        if (!db.getFileName().toString().equals("events.db")
                || !folder.getParent().equals(path.toAbsolutePath().normalize())) {
            return "ratchet run --resume " + db;
        }
        String id = folder.getFileName().toString();
        return "ratchet run --resume " + id + (path.equals(Path.of("runs")) ? "" : " --runs-dir " + path);
    }

    /**
     * The response cache beside the runs folder ({@code runs/} and {@code cache/} side by side), as
     * campaign {@code campaign} reads and writes it. Only models whose {@code cache} setting is on
     * use it.
     */
    ResponseCache responseCache(String campaign) {
        Path runs = path.toAbsolutePath().normalize();
        Path parent = runs.getParent();
        return new ResponseCache(parent == null ? runs.resolve("cache") : parent.resolve("cache"), campaign);
    }
}
