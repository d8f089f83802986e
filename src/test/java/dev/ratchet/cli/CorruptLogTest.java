package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.HashChain;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.replay.GoldenLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupt campaign log is exit 1 naming the first bad seq from every reader alike ({@code verify},
 * {@code status}, {@code replay}, {@code log}), whether a payload no longer parses, a row was
 * deleted, or a forger recomputed the chain over a payload no reader can decode. Never a raw parser
 * exception, never exit 2 or 3, never a printed line that is not the event it claims to be.
 */
class CorruptLogTest {

    @TempDir
    static Path tmp;

    static Path demo;

    static List<RecordedEvent> events;

    @BeforeAll
    static void writeTheDemoGoldenAsASqliteLog() {
        InMemoryEventLog golden =
                GoldenLog.load(Path.of("src", "test", "resources", "golden", "replays", "demo.jsonl"));
        try (Stream<RecordedEvent> s = golden.read(EventQuery.all())) {
            events = s.toList();
        }
        demo = tmp.resolve("demo.db");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (SqliteEventLog log = SqliteEventLog.open(demo, SqliteOptions.defaults(), clock)) {
            log.append(
                    "golden-demo",
                    0,
                    events.stream().map(e -> NewEvent.of(e.event())).toList());
        }
    }

    @Test
    void aModelCallWhosePayloadNoLongerParses() throws Exception {
        long seq = middle("model.call-recorded");
        Path copy = copy("unparsable", "UPDATE events SET payload = substr(payload, 1, 40) WHERE seq = " + seq);

        everyReaderNamesTheSeq(copy, seq);
    }

    @Test
    void aDeletedRow() throws Exception {
        long seq = middle("episode.scored");
        Path copy = copy("deleted", "DELETE FROM events WHERE seq = " + seq);

        everyReaderNamesTheSeq(copy, seq);
    }

    @Test
    void aForgedEventWithARecomputedChainAndAnUndecodablePayload() throws Exception {
        long seq = middle("episode.scored");
        Path copy = copy(
                "forged", "UPDATE events SET payload = CAST('{\"not\":\"an episode\"}' AS BLOB) WHERE seq = " + seq);
        rechain(copy, seq);

        everyReaderNamesTheSeq(copy, seq);
    }

    private static void everyReaderNamesTheSeq(Path copy, long seq) {
        String named = "seq " + seq;
        Cli verify = Cli.run("verify", copy.toString());
        assertEquals(ExitCodes.CHECK_FAILED, verify.exitCode(), verify.all());
        assertTrue(verify.err().contains(" at " + named + ":"), verify.err());

        Cli status = Cli.run("status", copy.toString());
        assertEquals(ExitCodes.CHECK_FAILED, status.exitCode(), status.all());
        assertTrue(status.out().contains("chain      BROKEN at " + named + ":"), status.out());

        Cli replay = Cli.run("replay", copy.toString(), "--strict");
        assertEquals(ExitCodes.CHECK_FAILED, replay.exitCode(), replay.all());
        assertTrue(replay.err().contains("the log is corrupt at " + named + ":"), replay.err());
        assertFalse(replay.err().contains("Exception"), replay.err());

        Cli log = Cli.run("log", copy.toString(), "--json");
        assertEquals(ExitCodes.CHECK_FAILED, log.exitCode(), log.all());
        assertTrue(log.err().contains("the log is corrupt at " + named + ":"), log.err());
        List<String> lines = log.out().lines().toList();
        assertEquals(seq - 1, lines.size(), "the events before the bad one, and only those");
        for (String line : lines) {
            JsonNode printed = Json.parse(line);
            assertTrue(printed.get("seq").asLong() < seq, line);
        }
    }

    /** The seq of the middle event of this type. */
    private static long middle(String type) {
        List<RecordedEvent> ofType =
                events.stream().filter(e -> e.type().equals(type)).toList();
        return ofType.get(ofType.size() / 2).seq();
    }

    private static Path copy(String name, String sql) throws Exception {
        Path copy = tmp.resolve(name + ".db");
        Files.copy(demo, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            for (String t : List.of("events_gapless", "events_no_update", "events_no_delete")) {
                s.execute("DROP TRIGGER " + t);
            }
            assertEquals(1, s.executeUpdate(sql), sql);
        }
        return copy;
    }

    /** Recomputes every link from {@code from} on, as a forger who knows the hash function would. */
    private static void rechain(Path copy, long from) throws Exception {
        HashChain chain = new HashChain();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                PreparedStatement read = c.prepareStatement(
                        "SELECT seq, stream, version, type, schema_version, payload FROM events WHERE seq >= ?"
                                + " ORDER BY seq");
                PreparedStatement prev = c.prepareStatement("SELECT hash FROM events WHERE seq = ?");
                PreparedStatement write =
                        c.prepareStatement("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            prev.setLong(1, from - 1);
            byte[] link;
            try (ResultSet rs = prev.executeQuery()) {
                rs.next();
                link = rs.getBytes(1);
            }
            read.setLong(1, from);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = chain.link(
                            link,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getBytes(6));
                    write.setBytes(1, link);
                    write.setBytes(2, hash);
                    write.setLong(3, rs.getLong(1));
                    write.executeUpdate();
                    link = hash;
                }
            }
        }
        Cli plain = Cli.run("verify", copy.toString());
        assertFalse(
                plain.err().contains("chain broken"), "the forged chain links; only decoding finds it: " + plain.err());
    }
}
