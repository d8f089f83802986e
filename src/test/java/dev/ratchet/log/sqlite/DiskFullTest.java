package dev.ratchet.log.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.ConfirmScored;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An append that meets a full disk says so and where, writes nothing, and leaves a log that goes on. */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aCommitOnAFullDiskIsNamedAsSuchAndTheLogContinuesOnceThereIsSpace() {
        Path db = dir.resolve("c/events.db");
        try (SqliteEventLog log = FullDisk.open(db, SqliteOptions.defaults(), SqliteEventLogTest.CLOCK, n -> n == 3)) {
            append(log, 1);
            append(log, 2);

            LogException e = assertThrows(LogException.class, () -> append(log, 3));

            assertTrue(
                    e.getMessage()
                            .contains("the disk is full: no space left on the device holding "
                                    + db.toAbsolutePath().getParent()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("nothing written"), e.getMessage());
            assertTrue(e.getMessage().contains("the log is intact up to seq 2"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());
            assertEquals(2, log.head().orElseThrow().seq());

            append(log, 3);
        }
        try (SqliteEventLog read = SqliteEventLog.openReadOnly(db)) {
            ChainVerifier.Report report = ChainVerifier.verify(read.read(EventQuery.all()));
            assertTrue(report.ok(), report.toString());
            assertEquals(3, report.count());
        }
    }

    private static void append(SqliteEventLog log, int n) {
        log.append("c", n - 1, List.of(NewEvent.of(new ConfirmScored(n, "v", 1, 2))));
    }
}
