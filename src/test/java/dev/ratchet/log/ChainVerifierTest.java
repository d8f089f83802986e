package dev.ratchet.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.ConfirmScored;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
        AtomicInteger before = new AtomicInteger();
        ChainVerifier.Report bad = ChainVerifier.verifyWhile(tampered.stream(), x -> before.incrementAndGet());
        assertEquals(ChainVerifier.verify(tampered.stream()), bad);
        assertEquals(1778, bad.problem().orElseThrow().seq());
        assertEquals(1777, before.get(), "the consumer sees only the events that verified");
    }

    @Test
    void aFailingConsumerOrReadStopsTheWalkAndSurfacesOnTheCallersThread() {
        List<RecordedEvent> clean = log(3000);
        AtomicInteger closed = new AtomicInteger();
        IllegalStateException fromConsumer = assertThrows(
                IllegalStateException.class,
                () -> ChainVerifier.verifyWhile(clean.stream().onClose(closed::incrementAndGet), e -> {
                    if (e.seq() == 700) {
                        throw new IllegalStateException("fold failed at 700");
                    }
                }));
        assertEquals("fold failed at 700", fromConsumer.getMessage());
        assertEquals(1, closed.get(), "the stream is closed once, after the reader stopped");

        Stream<RecordedEvent> failingRead =
                Stream.concat(clean.stream().limit(1200), Stream.<RecordedEvent>generate(() -> {
                    throw new LogException("disk went away");
                }));
        AtomicInteger seen = new AtomicInteger();
        LogException fromRead = assertThrows(
                LogException.class, () -> ChainVerifier.verifyWhile(failingRead, e -> seen.incrementAndGet()));
        assertEquals("disk went away", fromRead.getMessage());
        assertEquals(1200, seen.get(), "the rows read before the failure are still handed over");
    }
}
