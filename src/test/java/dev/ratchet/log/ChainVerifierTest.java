package dev.ratchet.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.ConfirmScored;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<RecordedEvent> log(int n) {
        InMemoryEventLog log = new InMemoryEventLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        log.append(
                "c",
                0,
                IntStream.range(0, n)
                        .mapToObj(i -> NewEvent.of(new ConfirmScored(i, "v", i, n)))
                        .toList());
        return log.read(EventQuery.all()).toList();
    }

    @Test
    void theConcurrentVerifierReachesTheSameVerdictAndSeesEveryEvent() {
        List<RecordedEvent> clean = log(3000);
        AtomicInteger seen = new AtomicInteger();
        ChainVerifier.Report concurrent = ChainVerifier.verifyWhile(clean.stream(), e -> seen.incrementAndGet());
        assertEquals(ChainVerifier.verify(clean.stream()), concurrent);
        assertTrue(concurrent.ok());
        assertEquals(3000, seen.get());

        List<RecordedEvent> tampered = new ArrayList<>(clean);
        RecordedEvent e = tampered.get(1777);
        byte[] payload = e.payload().clone();
        payload[payload.length - 2] ^= 1;
        tampered.set(
                1777,
                new RecordedEvent(
                        e.seq(),
                        e.stream(),
                        e.version(),
                        e.type(),
                        e.schemaVersion(),
                        e.recordedAt(),
                        e.idempotencyKey(),
                        payload,
                        e.prevHash(),
                        e.hash()));
        ChainVerifier.Report bad = ChainVerifier.verifyWhile(tampered.stream(), x -> {});
        assertEquals(ChainVerifier.verify(tampered.stream()), bad);
        assertEquals(1778, bad.problem().orElseThrow().seq());
    }
}
