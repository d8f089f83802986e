package dev.ratchet.replay;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.InterruptedCalls;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The regenerated log, checked against the recording as it grows, so that replay stops at the
 * first divergent event instead of running on: each appended event is compared with the recorded
 * one at its seq, and the first whose content differs ends the run ({@link Diverged}). It is also
 * bounded by the recording's length, so a recording that ends without {@code campaign.stopped} (a
 * provider stop, a kill) is compared as the prefix it is: an append that would cross the bound
 * writes the events up to it, then throws {@link PastRecordedEnd} naming the first it refused.
 *
 * <p>{@link InterruptedCalls} are the one thing replay cannot regenerate: which calls were in flight
 * when a provider stopped the recorded run depended on timing. Where the recording holds a block of
 * them, they are copied into the regenerated log before the next append and returned with it, so the
 * campaign's fold (its spend) sees them where the resumed run did. Events are appended one at a
 * time for that: the recorded run committed the block after the last batch it had written, and a
 * replayed batch, whose episodes finish at other moments, may run across that point. Transactions
 * do not enter the hash chain, so the events and hashes are those of one append.
 */
final class CheckedLog implements EventLog {

    private final EventLog delegate;
    private final Iterator<RecordedEvent> recorded;
    private RecordedEvent peeked;
    private final long limit;

    /** {@code recorded} is positioned after the events {@code delegate} already holds. */
    CheckedLog(EventLog delegate, Iterator<RecordedEvent> recorded, long limit) {
        this.delegate = delegate;
        this.recorded = recorded;
        this.limit = limit;
    }

    /**
     * Appends one event at a time, so that a block of interrupted calls is copied in where the
     * recording holds it even when it falls inside the batch being appended: the recorded run
     * committed the block after the batch it had written when the provider stopped it, and replay,
     * whose episodes finish at other moments, may hand that batch's episodes over together with
     * the ones after it. Transactions do not enter the hash chain, so the events and hashes are
     * those of one append.
     */
    @Override
    public List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return copyInterrupted(stream, expectedVersion);
        }
        List<RecordedEvent> all = new ArrayList<>();
        long version = expectedVersion;
        for (NewEvent event : events) {
            List<RecordedEvent> copied = copyInterrupted(stream, version);
            all.addAll(copied);
            version += copied.size();
            long head = delegate.head().map(Head::seq).orElse(0L);
            if (head >= limit) {
                throw new PastRecordedEnd(event.event().type().typeName());
            }
            List<RecordedEvent> written = delegate.append(stream, version, List.of(event));
            for (RecordedEvent e : written) {
                // Content only: a hash that alone differs is a recorded link altered in place, named at the end.
                if (e.seq() > head && StreamComparison.compare(next(), e).isPresent()) {
                    throw new Diverged();
                }
            }
            all.addAll(written);
            // An event the log already held (its idempotency key) leaves the version where it was.
            version += written.stream().filter(e -> e.seq() > head).count();
        }
        return List.copyOf(all);
    }

    /**
     * Copies the inputs the recording holds next (a person's rollback, the start of an audit, a block
     * of interrupted calls) into the regenerated log, and returns them.
     */
    List<RecordedEvent> copyInputs(String stream) {
        return copyInterrupted(stream, delegate.streamVersion(stream));
    }

    /** What replay copies rather than regenerates: what timing or a person decided, not the campaign's code. */
    private static boolean isInput(dev.ratchet.log.event.Event e) {
        return InterruptedCalls.is(e)
                || e instanceof dev.ratchet.log.event.LibraryRolledBack
                || e instanceof dev.ratchet.log.event.AuditStarted;
    }

    private List<RecordedEvent> copyInterrupted(String stream, long expectedVersion) {
        List<RecordedEvent> copied = new ArrayList<>();
        while (peek() != null && delegate.head().map(Head::seq).orElse(0L) < limit && isInput(peek().event())) {
            RecordedEvent r = next();
            // A recording kept as events alone (a golden file) has no keys; keys never enter the chain.
            NewEvent copy =
                    r.idempotencyKey() == null ? NewEvent.of(r.event()) : NewEvent.keyed(r.event(), r.idempotencyKey());
            copied.addAll(delegate.append(stream, expectedVersion + copied.size(), List.of(copy)));
        }
        return copied;
    }

    private RecordedEvent peek() {
        if (peeked == null && recorded.hasNext()) {
            peeked = recorded.next();
        }
        return peeked;
    }

    private RecordedEvent next() {
        RecordedEvent r = peek();
        peeked = null;
        return r;
    }

    @Override
    public Stream<RecordedEvent> read(EventQuery query) {
        return delegate.read(query);
    }

    @Override
    public long streamVersion(String stream) {
        return delegate.streamVersion(stream);
    }

    @Override
    public Optional<Head> head() {
        return delegate.head();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The last appended event differs from the recorded one; the comparison names it. */
    static final class Diverged extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Diverged() {
            super("a regenerated event differs from the recorded one", null, false, false);
        }
    }

    /** Replay wanted to write {@code type} after the last recorded event. */
    static final class PastRecordedEnd extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String type;

        PastRecordedEnd(String type) {
            super("replay would write " + type + " after the last recorded event", null, false, false);
            this.type = type;
        }

        String type() {
            return type;
        }
    }
}
