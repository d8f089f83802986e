package dev.ratchet.log;

import dev.ratchet.log.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Walks a log in seq order and checks every link: gapless seq from 1, each previous-hash equal to
 * the hash before it, each hash recomputed from the envelope and payload, per-stream versions
 * consecutive, and every type and schema version known. Stops at the first problem.
 */
public final class ChainVerifier {

    private final HashChain chain = new HashChain();
    private final Map<String, Long> streamVersions = new HashMap<>();
    private long expectedSeq = 1;
    private byte[] prevHash = HashChain.GENESIS;
    private long count;
    private Problem problem;

    /** The first bad seq and what is wrong with it. */
    public record Problem(long seq, String what) {}

    /** Result of a walk: the events checked, the head reached and the first problem, if any. */
    public record Report(long count, long headSeq, String headHash, Optional<Problem> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    public static Report verify(Stream<RecordedEvent> events) {
        ChainVerifier v = new ChainVerifier();
        try (events) {
            events.takeWhile(e -> v.problem == null).forEach(v::check);
        }
        return v.report();
    }

    /**
     * Verifies the chain on a second thread while {@code consumer} handles each event (decoding,
     * folding) on this one, so that hashing overlaps the rest of a read. The report is the same as
     * {@link #verify}'s: the verifier thread sees the events in seq order.
     */
    public static Report verifyWhile(Stream<RecordedEvent> events, Consumer<RecordedEvent> consumer) {
        ChainVerifier v = new ChainVerifier();
        BlockingQueue<List<RecordedEvent>> queue = new ArrayBlockingQueue<>(64);
        List<RecordedEvent> end = List.of();
        Thread hasher = new Thread(
                () -> {
                    try {
                        for (List<RecordedEvent> chunk = queue.take(); chunk != end; chunk = queue.take()) {
                            for (RecordedEvent e : chunk) {
                                v.check(e);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ratchet-chain-verifier");
        hasher.setDaemon(true);
        hasher.start();
        try (events) {
            List<RecordedEvent> chunk = new ArrayList<>(CHUNK);
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                consumer.accept(e);
                chunk.add(e);
                if (chunk.size() == CHUNK) {
                    queue.put(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            queue.put(chunk);
            queue.put(end);
            hasher.join();
        } catch (InterruptedException e) {
            hasher.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the chain", e);
        }
        return v.report();
    }

    private static final int CHUNK = 512;

    /** Checks one more event; returns false once a problem has been found. */
    public boolean check(RecordedEvent e) {
        if (problem != null) {
            return false;
        }
        problem = firstProblem(e);
        if (problem == null) {
            count++;
            expectedSeq = e.seq() + 1;
            prevHash = e.hash();
            streamVersions.put(e.stream(), e.version());
        }
        return problem == null;
    }

    private Problem firstProblem(RecordedEvent e) {
        if (e.seq() != expectedSeq) {
            return new Problem(
                    expectedSeq,
                    e.seq() > expectedSeq
                            ? "seq " + expectedSeq + " is missing (next row has seq " + e.seq() + ")"
                            : "seq " + e.seq() + " appears out of order after " + (expectedSeq - 1));
        }
        if (!Arrays.equals(e.prevHash(), prevHash)) {
            return new Problem(e.seq(), "previous-hash does not match the hash of seq " + (e.seq() - 1));
        }
        byte[] recomputed =
                chain.link(e.prevHash(), e.seq(), e.stream(), e.version(), e.type(), e.schemaVersion(), e.payload());
        if (!Arrays.equals(recomputed, e.hash())) {
            return new Problem(
                    e.seq(),
                    "hash does not match its contents (payload, type, schema version, seq,"
                            + " stream or version was changed)");
        }
        long expectedVersion = streamVersions.getOrDefault(e.stream(), 0L) + 1;
        if (e.version() != expectedVersion) {
            return new Problem(
                    e.seq(), "stream " + e.stream() + " version " + e.version() + ", expected " + expectedVersion);
        }
        Optional<EventType> type = EventType.named(e.type());
        if (type.isEmpty()) {
            return new Problem(e.seq(), "unknown event type " + e.type());
        }
        if (e.schemaVersion() < 1 || e.schemaVersion() > type.get().schemaVersion()) {
            return new Problem(e.seq(), "schema version " + e.schemaVersion() + " is not valid for " + e.type());
        }
        return null;
    }

    public Report report() {
        return new Report(count, expectedSeq - 1, HashChain.hex(prevHash), Optional.ofNullable(problem));
    }
}
