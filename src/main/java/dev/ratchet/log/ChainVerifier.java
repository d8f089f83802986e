package dev.ratchet.log;

import dev.ratchet.log.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
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
     * Verifies the chain and hands each verified event, in seq order, to {@code consumer} (decoding,
     * folding) on this thread, while a second thread pulls the rows from {@code events}. Reading
     * rows out of SQLite costs about as much as hashing and decoding them together, so splitting the
     * work this way lets a full read-fold-verify take little longer than a bare read. The report is
     * the same as {@link #verify}'s. The consumer sees the events that verified: all of them, or
     * those before the first problem, where the read stops.
     */
    public static Report verifyWhile(Stream<RecordedEvent> events, Consumer<RecordedEvent> consumer) {
        ChainVerifier v = new ChainVerifier();
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> readInto(events, queue), "ratchet-log-reader");
        reader.setDaemon(true);
        try (events) {
            reader.start();
            try {
                for (Chunk chunk = queue.take(); ; chunk = queue.take()) {
                    for (RecordedEvent e : chunk.events()) {
                        if (!v.check(e)) {
                            return v.report();
                        }
                        consumer.accept(e);
                    }
                    if (chunk.failure() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (chunk.failure() instanceof Error failure) {
                        throw failure;
                    }
                    if (chunk.last()) {
                        break;
                    }
                }
            } finally {
                // The stream's cursor may be closed only once the reader has stopped using it.
                reader.interrupt();
                joinQuietly(reader);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the chain", e);
        }
        return v.report();
    }

    /** Rows in seq order; the last chunk says so, and carries the read's failure, if any. */
    private record Chunk(List<RecordedEvent> events, boolean last, Throwable failure) {}

    private static void readInto(Stream<RecordedEvent> events, BlockingQueue<Chunk> queue) {
        List<RecordedEvent> rows = new ArrayList<>(CHUNK);
        Throwable failure = null;
        try {
            for (Iterator<RecordedEvent> it = events.iterator(); it.hasNext(); ) {
                rows.add(it.next());
                if (rows.size() == CHUNK) {
                    queue.put(new Chunk(rows, false, null));
                    rows = new ArrayList<>(CHUNK);
                }
            }
        } catch (InterruptedException e) {
            return; // the consumer gave up (it threw): nobody waits for the rest
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(new Chunk(rows, true, failure));
        } catch (InterruptedException e) {
            // As above: nobody waits.
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
