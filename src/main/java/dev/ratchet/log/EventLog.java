package dev.ratchet.log;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only, hash-chained log a campaign is projected from.
 *
 * <p>Appends are all-or-nothing and acknowledged only after commit. {@code seq} is global and
 * gapless; {@code (stream, version)} is unique, which makes {@code expectedVersion} an optimistic
 * concurrency check. An event whose idempotency key is already in the log is not written again.
 */
public interface EventLog extends AutoCloseable {

    /** Pass as {@code expectedVersion} to append whatever the stream's current version. */
    long ANY_VERSION = -1;

    /**
     * Appends {@code events} to {@code stream} in one transaction.
     *
     * @param expectedVersion the stream's current version (0 for a new stream), or {@link
     *     #ANY_VERSION}
     * @return the recorded events; when every event's idempotency key was already present, the
     *     originals, and nothing is written
     * @throws ConcurrencyException if the stream is not at {@code expectedVersion}, or a batch
     *     mixes already-recorded and new idempotency keys; nothing is written
     */
    List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> events);

    /** Streams matching events in seq order; close the stream to release the cursor. */
    Stream<RecordedEvent> read(EventQuery query);

    /** Current version of {@code stream}: the number of events in it. */
    long streamVersion(String stream);

    /** Seq and hash of the last event, if any. */
    Optional<Head> head();

    @Override
    void close();

    /** The last link of the chain: anchor it elsewhere to detect truncation or rewrites. */
    @SuppressWarnings("ArrayRecordComponent") // compared through hashHex(), never with equals
    record Head(long seq, byte[] hash) {
        public String hashHex() {
            return HashChain.hex(hash);
        }
    }
}
