package dev.ratchet.replay;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
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
 */
final class CheckedLog implements EventLog {

    private final EventLog delegate;
    private final Iterator<RecordedEvent> recorded;
    private final long limit;

    /** {@code recorded} is positioned after the events {@code delegate} already holds. */
    CheckedLog(EventLog delegate, Iterator<RecordedEvent> recorded, long limit) {
        this.delegate = delegate;
        this.recorded = recorded;
        this.limit = limit;
    }

    @Override
    public List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> events) {
        long head = delegate.head().map(Head::seq).orElse(0L);
        int room = (int) Math.max(0, Math.min(events.size(), limit - head));
        List<RecordedEvent> written =
                room == 0 ? List.of() : delegate.append(stream, expectedVersion, events.subList(0, room));
        for (RecordedEvent e : written) {
            // Content only: a hash that alone differs is a recorded link altered in place, named at the end.
            if (e.seq() > head && StreamComparison.compare(recorded.next(), e).isPresent()) {
                throw new Diverged();
            }
        }
        if (room < events.size()) {
            throw new PastRecordedEnd(events.get(room).event().type().typeName());
        }
        return written;
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
