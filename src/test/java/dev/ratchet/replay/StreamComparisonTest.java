package dev.ratchet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamComparisonTest {

    private static List<RecordedEvent> stream(Clock clock, Event... events) {
        EventLog log = new InMemoryEventLog(clock);
        log.append("c", 0, List.of(events).stream().map(NewEvent::of).toList());
        return log.read(EventQuery.all()).toList();
    }

    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void identicalContentAtDifferentTimesDoesNotDiverge() {
        List<RecordedEvent> a = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10));
        List<RecordedEvent> b = stream(T2, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10));
        assertEquals(Optional.empty(), StreamComparison.firstDivergence(a.iterator(), b.iterator()));
    }

    @Test
    void theFirstDifferingEventIsNamedWithItsFields() {
        List<RecordedEvent> a = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10));
        List<RecordedEvent> b = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 5, 10));
        Divergence d =
                StreamComparison.firstDivergence(a.iterator(), b.iterator()).orElseThrow();
        assertEquals(2, d.seq());
        assertEquals(List.of("payload.passed"), d.fields());
        assertTrue(d.describe().contains("seq 2 (confirm.scored)"), d.describe());
        assertTrue(d.describe().contains("recorded 4, replayed 5"), d.describe());
    }

    @Test
    void aShorterReplayDivergesAtTheFirstMissingEvent() {
        List<RecordedEvent> a = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10));
        List<RecordedEvent> b = stream(T1, new ConfirmScored(0, "v0", 3, 10));
        Divergence d =
                StreamComparison.firstDivergence(a.iterator(), b.iterator()).orElseThrow();
        assertEquals(2, d.seq());
        assertTrue(d.describe().contains("replay stopped before"), d.describe());
    }

    /** The recorded event at {@code index} with its stored hash altered, as a tamperer who recomputes nothing leaves it. */
    private static List<RecordedEvent> withAlteredHash(List<RecordedEvent> events, int index) {
        List<RecordedEvent> copy = new java.util.ArrayList<>(events);
        RecordedEvent e = copy.get(index);
        byte[] hash = e.hash().clone();
        hash[0] ^= 1;
        copy.set(
                index,
                new RecordedEvent(
                        e.seq(),
                        e.stream(),
                        e.version(),
                        e.type(),
                        e.schemaVersion(),
                        e.recordedAt(),
                        e.idempotencyKey(),
                        e.payload(),
                        e.prevHash(),
                        hash));
        return copy;
    }

    @Test
    void aHashThatAloneDiffersIsNamedWhenNoContentDiffers() {
        List<RecordedEvent> replayed = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10));
        List<RecordedEvent> recorded = withAlteredHash(replayed, 0);
        Divergence d = StreamComparison.firstDivergence(recorded.iterator(), replayed.iterator())
                .orElseThrow();
        assertEquals(1, d.seq());
        assertEquals(List.of("hash"), d.fields());
        assertTrue(d.describe().contains("does not hash to its stored hash"), d.describe());
    }

    @Test
    void theFirstContentDifferenceWinsOverAnEarlierAlteredHashWhichItNames() {
        List<RecordedEvent> recorded =
                withAlteredHash(stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 4, 10)), 0);
        List<RecordedEvent> replayed = stream(T1, new ConfirmScored(0, "v0", 3, 10), new ConfirmScored(1, "v1", 5, 10));
        Divergence d = StreamComparison.firstDivergence(recorded.iterator(), replayed.iterator())
                .orElseThrow();
        assertEquals(2, d.seq(), d.describe());
        assertEquals(List.of("payload.passed"), d.fields());
        assertTrue(d.detail().contains("confirm.scored at seq 1 does not hash"), d.detail());
    }
}
