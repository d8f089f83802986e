package dev.ratchet.cli;

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
}
