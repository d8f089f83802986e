package dev.ratchet.cli;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.projection.CampaignState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Exercises the classes a typical command loads (picocli, Jackson, SQLite, the codec, the fold)
 * on a throwaway log. The launcher runs it once per build to record a class-data-sharing archive.
 */
@Command(name = "warmup", hidden = true, description = "Loads the common classes once (used by the launcher).")
final class WarmupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("ratchet-warmup");
        Path db = dir.resolve("events.db");
        try (SqliteEventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), Clock.systemUTC())) {
            log.append("warmup", EventLog.ANY_VERSION, List.of(NewEvent.of(new ConfirmScored(0, "warmup", 1, 1))));
        }
        StatusCommand.fold(db);
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            ChainVerifier.verify(log.read(EventQuery.all()));
        }
        CampaignState.initial();
        dev.ratchet.bench.Figure.deleteTree(dir);
        return ExitCodes.OK;
    }
}
