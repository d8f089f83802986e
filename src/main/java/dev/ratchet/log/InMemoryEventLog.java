package dev.ratchet.log;

import dev.ratchet.log.event.EventCodec;
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
    private final Clock clock;
    private final HashChain chain = new HashChain();

    public InMemoryEventLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<RecordedEvent> existing = Idempotency.existing(batch, byKey::get);
        if (existing != null) {
            return existing;
        }
        long version = streamVersion(stream);
        Idempotency.checkVersion(stream, expectedVersion, version);
        RecordedEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        long seq = last == null ? 0 : last.seq();
        byte[] prev = last == null ? HashChain.genesis() : last.hash();
        String now = clock.instant().toString();
        for (NewEvent e : batch) {
            seq++;
            version++;
            byte[] payload = EventCodec.encode(e.event());
            String type = e.event().type().typeName();
            int schema = e.event().type().schemaVersion();
            byte[] hash = chain.link(prev, seq, stream, version, type, schema, payload);
            RecordedEvent r =
                    new RecordedEvent(seq, stream, version, type, schema, now, e.idempotencyKey(), payload, prev, hash);
            events.add(r);
            if (r.idempotencyKey() != null) {
                byKey.put(r.idempotencyKey(), r);
            }
            prev = hash;
        }
        versions.put(stream, version);
        return List.copyOf(events.subList(events.size() - batch.size(), events.size()));
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
