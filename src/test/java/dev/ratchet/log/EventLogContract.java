package dev.ratchet.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventLog} must show; each implementation's test extends this. */
public abstract class EventLogContract {

    protected EventLog log;

    protected abstract EventLog newLog() throws Exception;

    @BeforeEach
    void open() throws Exception {
        log = newLog();
    }

    @AfterEach
    void close() {
        log.close();
    }

    static Event confirm(int i) {
        return new ConfirmScored(i, "v" + i, i, 100);
    }

    static List<NewEvent> events(int from, int count) {
        return Stream.iterate(from, i -> i + 1)
                .limit(count)
                .map(i -> NewEvent.of(confirm(i)))
                .toList();
    }

    private List<RecordedEvent> all() {
        try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            return s.toList();
        }
    }

    @Test
    void seqIsGlobalAndGaplessAcrossStreams() {
        log.append("a", 0, events(0, 3));
        log.append("b", 0, events(3, 2));
        log.append("a", 3, events(5, 1));
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L, 6L),
                all().stream().map(RecordedEvent::seq).toList());
        assertEquals(4, log.streamVersion("a"));
        assertEquals(2, log.streamVersion("b"));
        assertEquals(6, log.head().orElseThrow().seq());
    }

    @Test
    void aStaleExpectedVersionWritesNothing() {
        log.append("a", 0, events(0, 2));
        ConcurrencyException e = assertThrows(ConcurrencyException.class, () -> log.append("a", 1, events(2, 3)));
        assertTrue(e.getMessage().contains("version 2, expected 1"), e.getMessage());
        assertEquals(2, all().size());
    }

    @Test
    void reAppendingAKeyedEventReturnsTheOriginalAndWritesNothing() {
        List<RecordedEvent> first =
                log.append("a", 0, List.of(NewEvent.keyed(confirm(1), "k1"), NewEvent.keyed(confirm(2), "k2")));
        List<RecordedEvent> again =
                log.append("a", 0, List.of(NewEvent.keyed(confirm(1), "k1"), NewEvent.keyed(confirm(2), "k2")));
        assertEquals(
                first.stream().map(RecordedEvent::seq).toList(),
                again.stream().map(RecordedEvent::seq).toList());
        assertArrayEquals(first.get(1).hash(), again.get(1).hash());
        assertEquals(2, all().size());
    }

    @Test
    void aKeyReusedForADifferentEventOrMixedWithNewOnesIsRefused() {
        log.append("a", 0, List.of(NewEvent.keyed(confirm(1), "k1")));
        assertThrows(ConcurrencyException.class, () -> log.append("a", 1, List.of(NewEvent.keyed(confirm(9), "k1"))));
        assertThrows(
                ConcurrencyException.class,
                () -> log.append("a", 1, List.of(NewEvent.keyed(confirm(1), "k1"), NewEvent.keyed(confirm(2), "k2"))));
        assertEquals(1, all().size());
    }

    @Test
    void readsFilterByStreamTypeAndSeq() {
        log.append("a", 0, events(0, 3));
        log.append("b", 0, List.of(NewEvent.of(new CampaignStopped("iterations", "done", 3))));
        log.append("a", 3, events(3, 2));
        try (Stream<RecordedEvent> s = log.read(EventQuery.all().stream("a").from(3))) {
            assertEquals(List.of(3L, 5L, 6L), s.map(RecordedEvent::seq).toList());
        }
        try (Stream<RecordedEvent> s = log.read(EventQuery.all().types(Set.of("campaign.stopped")))) {
            assertEquals(List.of(4L), s.map(RecordedEvent::seq).toList());
        }
    }

    @Test
    void eventsDecodeBackAndTheChainVerifies() {
        log.append("a", 0, events(0, 50));
        List<RecordedEvent> all = all();
        assertEquals(confirm(7), all.get(7).event());
        ChainVerifier.Report report = ChainVerifier.verify(all.stream());
        assertTrue(report.ok(), report.toString());
        assertEquals(50, report.count());
        assertEquals(log.head().orElseThrow().hashHex(), report.headHash());
        LongStream.range(1, all.size())
                .forEach(i -> assertArrayEquals(
                        all.get((int) i - 1).hash(), all.get((int) i).prevHash()));
    }

    @Test
    void anEmptyBatchWritesNothing() {
        assertEquals(List.of(), log.append("a", 0, List.of()));
        assertTrue(log.head().isEmpty());
    }
}
