package dev.ratchet.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The log held in memory: same contract as the SQLite log, used by tests and by replay, which
 * regenerates a stream without touching disk.
 */
public final class InMemoryEventLog implements EventLog {

    private final List<RecordedEvent> events = new ArrayList<>();
    private final Map<String, RecordedEvent> byKey = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Appender appender;

    public InMemoryEventLog(Clock clock) {
        this.appender = new Appender(clock);
    }

    @Override
    public synchronized List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> batch) {
        List<RecordedEvent> existing = Appender.existingForKeys(batch, byKey::get);
        if (existing != null) {
            return existing;
        }
        long version = streamVersion(stream);
        Appender.checkVersion(stream, expectedVersion, version);
        RecordedEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        List<RecordedEvent> written = last == null
                ? appender.chain(0, HashChain.GENESIS, stream, version, batch)
                : appender.chain(last.seq(), last.hash(), stream, version, batch);
        for (RecordedEvent e : written) {
            events.add(e);
            if (e.idempotencyKey() != null) {
                byKey.put(e.idempotencyKey(), e);
            }
        }
        versions.put(stream, version + written.size());
        return written;
    }

    @Override
    public synchronized Stream<RecordedEvent> read(EventQuery query) {
        return List.copyOf(events).stream().filter(query::matches);
    }

    @Override
    public synchronized long streamVersion(String stream) {
        return versions.getOrDefault(stream, 0L);
    }

    @Override
    public synchronized Optional<Head> head() {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        RecordedEvent last = events.get(events.size() - 1);
        return Optional.of(new Head(last.seq(), last.hash()));
    }

    @Override
    public void close() {}
}
