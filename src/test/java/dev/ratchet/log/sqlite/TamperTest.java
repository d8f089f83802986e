package dev.ratchet.log.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.cli.Cli;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.EventSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded tampering on copies of a log whose triggers were dropped: every change to a payload,
 * hash, previous-hash, type, seq or schema version, and every deleted, inserted or swapped row,
 * makes {@code ratchet verify} (and {@code ratchet status}, which verifies as it folds) exit 1 naming
 * the first bad seq. A clean copy never fails.
 */
class TamperTest {

    private static final int ROWS = 3 * EventSamples.all().size();

    @TempDir
    static Path dir;

    static Path original;

    @BeforeAll
    static void writeLog() {
        original = dir.resolve("original.db");
        try (SqliteEventLog log = SqliteEventLog.open(original, SqliteOptions.defaults(), SqliteEventLogTest.CLOCK)) {
            for (int round = 0; round < ROWS / EventSamples.all().size(); round++) {
                log.append(
                        "demo",
                        EventLog.ANY_VERSION,
                        EventSamples.all().stream().map(NewEvent::of).toList());
            }
        }
    }

    @Test
    void aCleanLogVerifiesAndPrintsItsHead() {
        Cli cli = Cli.run("verify", original.toString());
        assertEquals(0, cli.exitCode(), cli.all());
        assertTrue(cli.out().contains("ok: " + ROWS + " events"), cli.out());
        assertTrue(cli.out().matches("(?s).*head hash: [0-9a-f]{64}.*"), cli.out());
        Cli status = Cli.run("status", original.toString());
        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.out().contains("chain      ok, " + ROWS + " events, head "), status.out());
    }

    @Test
    void aTruncatedTailIsCaughtOnlyByTheAnchoredHead() throws Exception {
        String head =
                Cli.run("verify", original.toString()).out().replaceAll("(?s).*head hash: ([0-9a-f]{64}).*", "$1");
        Path copy = tamperedCopy("truncated", "DELETE FROM events WHERE seq = " + ROWS);
        assertEquals(0, Cli.run("verify", copy.toString()).exitCode(), "a chain alone cannot see a missing tail");
        Cli anchored = Cli.run("verify", copy.toString(), "--expect-head", head);
        assertEquals(1, anchored.exitCode());
        assertTrue(anchored.err().contains("differs from the expected"), anchored.err());
    }

    @TestFactory
    List<DynamicTest> everyTamperingIsDetectedAtTheFirstBadSeq() {
        SplittableRandom random = new SplittableRandom(20261122);
        List<DynamicTest> tests = new ArrayList<>();
        String[] kinds = {"payload", "hash", "prev_hash", "type", "schema_version", "seq", "delete", "insert", "swap"};
        IntStream.range(0, 90).forEach(i -> {
            String kind = kinds[i % kinds.length];
            int row = 1 + random.nextInt(ROWS - 1);
            int drawn = row + 1 + random.nextInt(ROWS - row);
            // The log repeats the samples every round; swapping with an identical row would change nothing.
            int other = (drawn - row) % EventSamples.all().size() == 0 ? drawn - 1 : drawn;
            int salt = random.nextInt(1, 256);
            tests.add(DynamicTest.dynamicTest(kind + " at seq " + row + " #" + i, () -> {
                Path copy = mutate(kind, row, other, salt, "case" + i);
                Cli cli = Cli.run("verify", copy.toString());
                assertEquals(1, cli.exitCode(), cli.all());
                long expected = "insert".equals(kind) ? ROWS + 1 : row;
                assertTrue(cli.err().contains("chain broken at seq " + expected + ":"), kind + ": " + cli.err());
                Cli status = Cli.run("status", copy.toString());
                assertEquals(1, status.exitCode(), status.all());
                assertTrue(
                        status.out().contains("chain      BROKEN at seq " + expected + ":"),
                        kind + ": " + status.out());
            }));
        });
        return tests;
    }

    private static Path mutate(String kind, int row, int other, int salt, String name) throws Exception {
        return switch (kind) {
            case "payload", "hash", "prev_hash" -> flipByte(name, kind, row, salt);
            case "type" -> tamperedCopy(name, "UPDATE events SET type = type || 'x' WHERE seq = " + row);
            case "schema_version" -> tamperedCopy(
                    name, "UPDATE events SET schema_version = schema_version + " + salt + " WHERE seq = " + row);
            case "seq" -> tamperedCopy(name, "UPDATE events SET seq = " + (ROWS + salt) + " WHERE seq = " + row);
            case "delete" -> tamperedCopy(name, "DELETE FROM events WHERE seq = " + row);
            case "insert" -> tamperedCopy(
                    name,
                    "INSERT INTO events SELECT " + (ROWS + 1) + ", stream, " + (ROWS + 1)
                            + ", type, schema_version, recorded_at, NULL, payload, prev_hash, hash FROM events WHERE seq = "
                            + row);
            case "swap" -> tamperedCopy(
                    name,
                    "UPDATE events SET payload = (SELECT payload FROM events WHERE seq = " + other
                            + "), type = (SELECT type FROM events WHERE seq = " + other + ") WHERE seq = " + row);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Path flipByte(String name, String column, int row, int salt) throws Exception {
        Path copy = copyWithoutTriggers(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            byte[] value;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM events WHERE seq = ?")) {
                ps.setInt(1, row);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    value = rs.getBytes(1);
                }
            }
            int at = salt % value.length;
            value[at] = (byte) (value[at] ^ salt);
            try (PreparedStatement ps = c.prepareStatement("UPDATE events SET " + column + " = ? WHERE seq = ?")) {
                ps.setBytes(1, value);
                ps.setInt(2, row);
                assertEquals(1, ps.executeUpdate());
            }
        }
        return copy;
    }

    private static Path tamperedCopy(String name, String sql) throws Exception {
        Path copy = copyWithoutTriggers(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql), sql);
        }
        return copy;
    }

    private static Path copyWithoutTriggers(String name) throws Exception {
        Path copy = dir.resolve(name + ".db");
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            for (String t : List.of("events_gapless", "events_no_update", "events_no_delete")) {
                s.execute("DROP TRIGGER " + t);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot prepare tampered copy", e);
        }
        return copy;
    }
}
