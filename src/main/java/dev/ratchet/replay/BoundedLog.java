package dev.ratchet.replay;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The regenerated log, bounded by the recording's length: replay never writes past the last
 * recorded event, so a recording that ends without {@code campaign.stopped} (a provider stop, a
 * kill) is compared as the prefix it is. An append that would cross the bound writes the events up
 * to it and then throws {@link PastRecordedEnd} naming the first event it refused.
 */
final class BoundedLog implements EventLog {

    private final EventLog delegate;
    private final long limit;

    BoundedLog(EventLog delegate, long limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> events) {
        long head = delegate.head().map(Head::seq).orElse(0L);
        long room = Math.max(0, limit - head);
        if (events.size() <= room) {
            return delegate.append(stream, expectedVersion, events);
        }
        if (room > 0) {
            delegate.append(stream, expectedVersion, events.subList(0, (int) room));
        }
        throw new PastRecordedEnd(events.get((int) room).event().type().typeName());
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
