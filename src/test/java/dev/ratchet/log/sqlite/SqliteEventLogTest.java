package dev.ratchet.log.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventLogContract;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.ConfirmScored;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventLogTest extends EventLogContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Override
    protected EventLog newLog() {
        return SqliteEventLog.open(dir.resolve("events.db"), SqliteOptions.defaults(), CLOCK);
    }

    @Test
    void eventsSurviveReopeningAndTheChainContinues() {
        log.append("a", 0, List.of(NewEvent.of(new ConfirmScored(1, "v", 1, 2))));
        log.close();
        log = newLog();
        log.append("a", 1, List.of(NewEvent.of(new ConfirmScored(2, "v", 1, 2))));
        try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            List<RecordedEvent> all = s.toList();
            assertEquals(2, all.size());
            assertEquals(
                    all.get(0).hashHex(),
                    dev.ratchet.log.HashChain.hex(all.get(1).prevHash()));
        }
    }

    @Test
    void theDatabaseRefusesUpdatesDeletesAndGaps() throws SQLException {
        log.append("a", 0, List.of(NewEvent.of(new ConfirmScored(1, "v", 1, 2))));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("events.db"));
                Statement s = c.createStatement()) {
            assertTrue(assertThrows(SQLException.class, () -> s.execute("UPDATE events SET type = 'x'"))
                    .getMessage()
                    .contains("append-only"));
            assertTrue(assertThrows(SQLException.class, () -> s.execute("DELETE FROM events"))
                    .getMessage()
                    .contains("append-only"));
            assertTrue(assertThrows(
                            SQLException.class,
                            () -> s.execute(
                                    "INSERT INTO events VALUES (5, 'a', 2, 't', 1, 'now', NULL, x'00', x'00', x'00')"))
                    .getMessage()
                    .contains("gapless"));
        }
    }

    @Test
    void aSecondWriterInTheSameProcessIsRefused() {
        LogException e = assertThrows(
                LogException.class,
                () -> SqliteEventLog.open(dir.resolve("events.db"), SqliteOptions.defaults(), CLOCK));
        assertTrue(e.getMessage().contains("another process"), e.getMessage());
    }

    @Test
    void aSecondWriterProcessIsRefusedWithAClearMessageAndWritesNothing() throws Exception {
        log.append("a", 0, List.of(NewEvent.of(new ConfirmScored(1, "v", 1, 2))));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SecondWriter.class.getName(),
                        dir.resolve("events.db").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), output);
        assertTrue(
                output.contains("is open for writing by another process (pid "
                        + ProcessHandle.current().pid() + ")"),
                output);
        assertEquals(1, log.head().orElseThrow().seq());
    }

    @Test
    void aReadOnlyLogCannotAppend() {
        log.append("a", 0, List.of(NewEvent.of(new ConfirmScored(1, "v", 1, 2))));
        try (SqliteEventLog reader = SqliteEventLog.openReadOnly(dir.resolve("events.db"))) {
            assertEquals(1, reader.head().orElseThrow().seq());
            assertThrows(
                    LogException.class,
                    () -> reader.append("a", 1, List.of(NewEvent.of(new ConfirmScored(2, "v", 1, 2)))));
        }
    }
}
