package dev.ratchet.log;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Walks a log in seq order and checks every link: gapless seq from 1, each previous-hash equal to
 * the hash before it, each hash recomputed from the envelope and payload, per-stream versions
 * consecutive, every type and schema version known, and (where the walk decodes) every payload
 * decodable: a forger who recomputes the chain still cannot slip in bytes no reader can use. Stops
 * at the first problem.
 */
public final class ChainVerifier {

    private final HashChain chain = new HashChain();
    private final Map<String, Long> streamVersions = new HashMap<>();
    private long expectedSeq = 1;
    private byte[] prevHash = HashChain.genesis();
    private long count;
    private Problem problem;

    /** What kind of link is broken. */
    public enum Kind {
        SEQ,
        PREVIOUS_HASH,
        /** The stored hash is not the hash of the event's contents: one of them was changed. */
        HASH,
        STREAM_VERSION,
        TYPE,
        SCHEMA_VERSION,
        PAYLOAD
    }

    /** The first bad seq and what is wrong with it. */
    public record Problem(long seq, Kind kind, String what) {}

    /** Result of a walk: the events checked, the head reached and the first problem, if any. */
    public record Report(long count, long headSeq, String headHash, Optional<Problem> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** Checks every link and decodes every payload. */
    public static Report verify(Stream<RecordedEvent> events) {
        ChainVerifier v = new ChainVerifier();
        try (events) {
            events.takeWhile(e -> v.problem == null).forEach(v::checkDecoded);
        }
        return v.report();
    }

    /**
     * As {@link #verifyWhile}, but decodes each event as part of the check (a payload that does not
     * decode is the problem at its seq) and hands {@code consumer} the verified event with its
     * decoded payload, so that readers never decode twice nor meet an undecodable event.
     */
    public static Report decodeWhile(Stream<RecordedEvent> events, BiConsumer<RecordedEvent, Event> consumer) {
        ChainVerifier v = new ChainVerifier();
        return v.walk(events, e -> v.checkDecoded(e)
                .map(d -> {
                    consumer.accept(e, d);
                    return true;
                })
                .orElse(false));
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
        return v.walk(events, e -> {
            if (!v.check(e)) {
                return false;
            }
            consumer.accept(e);
            return true;
        });
    }

    /** Feeds {@code step} the rows a second thread reads, until it returns false or the rows end. */
    private Report walk(Stream<RecordedEvent> events, Predicate<RecordedEvent> step) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> readInto(events, queue), "ratchet-log-reader");
        reader.setDaemon(true);
        try (events) {
            reader.start();
            try {
                for (Chunk chunk = queue.take(); ; chunk = queue.take()) {
                    for (RecordedEvent e : chunk.events()) {
                        if (!step.test(e)) {
                            return report();
                        }
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
        return report();
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

    /** Checks one more event's links (not its payload); returns false once a problem has been found. */
    public boolean check(RecordedEvent e) {
        return problem == null && accept(e, firstProblem(e));
    }

    /** Checks one more event and decodes its payload; empty once a problem has been found. */
    public Optional<Event> checkDecoded(RecordedEvent e) {
        if (problem != null) {
            return Optional.empty();
        }
        Problem p = firstProblem(e);
        Event decoded = null;
        if (p == null) {
            try {
                decoded = EventCodec.decode(e.type(), e.schemaVersion(), e.payload());
            } catch (RuntimeException undecodable) {
                p = new Problem(
                        e.seq(), Kind.PAYLOAD, EventCodec.whyUndecodable(e.type(), e.schemaVersion(), undecodable));
            }
        }
        return accept(e, p) ? Optional.of(decoded) : Optional.empty();
    }

    private boolean accept(RecordedEvent e, Problem p) {
        problem = p;
        if (p == null) {
            count++;
            expectedSeq = e.seq() + 1;
            prevHash = e.hash();
            streamVersions.put(e.stream(), e.version());
        }
        return p == null;
    }

    private Problem firstProblem(RecordedEvent e) {
        if (e.seq() != expectedSeq) {
            return new Problem(
                    expectedSeq,
                    Kind.SEQ,
                    e.seq() > expectedSeq
                            ? "seq " + expectedSeq + " is missing (next row has seq " + e.seq() + ")"
                            : "seq " + e.seq() + " appears out of order after " + (expectedSeq - 1));
        }
        if (!Arrays.equals(e.prevHash(), prevHash)) {
            return new Problem(
                    e.seq(), Kind.PREVIOUS_HASH, "previous-hash does not match the hash of seq " + (e.seq() - 1));
        }
        byte[] recomputed =
                chain.link(e.prevHash(), e.seq(), e.stream(), e.version(), e.type(), e.schemaVersion(), e.payload());
        if (!Arrays.equals(recomputed, e.hash())) {
            return new Problem(
                    e.seq(),
                    Kind.HASH,
                    "hash does not match its contents (payload, type, schema version, seq,"
                            + " stream or version was changed)");
        }
        long expectedVersion = streamVersions.getOrDefault(e.stream(), 0L) + 1;
        if (e.version() != expectedVersion) {
            return new Problem(
                    e.seq(),
                    Kind.STREAM_VERSION,
                    "stream " + e.stream() + " version " + e.version() + ", expected " + expectedVersion);
        }
        Optional<EventType> type = EventType.named(e.type());
        if (type.isEmpty()) {
            return new Problem(e.seq(), Kind.TYPE, "unknown event type " + e.type());
        }
        if (e.schemaVersion() < 1 || e.schemaVersion() > type.get().schemaVersion()) {
            return new Problem(
                    e.seq(),
                    Kind.SCHEMA_VERSION,
                    "schema version " + e.schemaVersion() + " is not valid for " + e.type());
        }
        return null;
    }

    public Report report() {
        return new Report(count, expectedSeq - 1, HashChain.hex(prevHash), Optional.ofNullable(problem));
    }
}
