package dev.ratchet.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A recorded campaign as reviewable text: one JSON line per event with its envelope (seq, stream,
 * version, type, schema_version), its canonical payload verbatim, and its hash. Recorded-at and
 * idempotency keys are left out: they are not part of what replay reproduces.
 */
public final class GoldenLog {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String PAYLOAD = ",\"payload\":";
    private static final String HASH = ",\"hash\":\"";

    private GoldenLog() {}

    /** Writes every event of {@code log} to {@code file}, one line each. */
    public static void write(EventLog log, Path file) {
        List<String> lines = new ArrayList<>();
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            events.forEach(e -> lines.add(line(e)));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String line(RecordedEvent e) {
        return "{\"seq\":" + e.seq() + ",\"stream\":" + Json.write(e.stream()) + ",\"version\":" + e.version()
                + ",\"type\":" + Json.write(e.type()) + ",\"schema_version\":" + e.schemaVersion() + PAYLOAD
                + e.payloadText() + HASH + e.hashHex() + "\"}";
    }

    /**
     * Re-appends every event of {@code file} to a new in-memory log, checking that each lands at its
     * recorded seq and version with its recorded payload bytes and hash.
     */
    public static InMemoryEventLog load(Path file) {
        InMemoryEventLog log = new InMemoryEventLog(CLOCK);
        for (String line : lines(file)) {
            Recorded r = parse(line);
            RecordedEvent written = log.append(
                            r.stream,
                            r.version - 1,
                            List.of(NewEvent.of(EventCodec.decode(r.type, r.schema, r.payload))))
                    .get(0);
            String where = file.getFileName() + " seq " + r.seq;
            assertEquals(r.seq, written.seq(), where);
            assertArrayEquals(r.payload, written.payload(), where + ": the payload does not re-encode to its bytes");
            assertEquals(r.hash, written.hashHex(), where + ": the recorded hash does not match");
        }
        return log;
    }

    /** The events of {@code file}, in order, without re-appending them. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One line's fields; the payload is cut out verbatim so its exact bytes survive. */
    private static Recorded parse(String line) {
        int payloadAt = line.indexOf(PAYLOAD);
        int hashAt = line.lastIndexOf(HASH);
        JsonNode envelope = Json.parse(line.substring(0, payloadAt) + "}");
        return new Recorded(
                envelope.path("seq").asLong(),
                envelope.path("stream").asText(),
                envelope.path("version").asLong(),
                envelope.path("type").asText(),
                envelope.path("schema_version").asInt(),
                line.substring(payloadAt + PAYLOAD.length(), hashAt).getBytes(StandardCharsets.UTF_8),
                line.substring(hashAt + HASH.length(), line.length() - 2));
    }

    @SuppressWarnings("ArrayRecordComponent") // a row as read, compared field by field
    private record Recorded(
            long seq, String stream, long version, String type, int schema, byte[] payload, String hash) {}
}
