package dev.ratchet.log;

import dev.ratchet.log.event.EventCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** What every log implementation does the same way: idempotency, version checks, chaining. */
final class Appender {

    private final Clock clock;
    private final HashChain chain = new HashChain();

    Appender(Clock clock) {
        this.clock = clock;
    }

    /**
     * The originals when every event in the batch carries a key already recorded; null when none
     * does. A batch that mixes both is refused, as is a key reused with a different payload.
     */
    static List<RecordedEvent> existingForKeys(List<NewEvent> batch, Function<String, RecordedEvent> lookup) {
        List<RecordedEvent> found = new ArrayList<>();
        for (NewEvent e : batch) {
            RecordedEvent original = e.idempotencyKey() == null ? null : lookup.apply(e.idempotencyKey());
            if (original != null) {
                if (!Arrays.equals(original.payload(), EventCodec.encode(e.event()))) {
                    throw new ConcurrencyException("idempotency key " + e.idempotencyKey()
                            + " was already used for a different event (seq " + original.seq() + ")");
                }
                found.add(original);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() != batch.size()) {
            throw new ConcurrencyException("batch mixes " + found.size() + " already-recorded events with "
                    + (batch.size() - found.size()) + " new ones; nothing written");
        }
        return found;
    }

    static void checkVersion(String stream, long expected, long actual) {
        if (expected != EventLog.ANY_VERSION && expected != actual) {
            throw new ConcurrencyException("stream " + stream + " is at version " + actual + ", expected " + expected
                    + "; another writer appended first, nothing written");
        }
    }

    /** Encodes, stamps and chains a batch after the event {@code (lastSeq, lastHash)}; 0 and GENESIS for an empty log. */
    List<RecordedEvent> chain(long lastSeq, byte[] lastHash, String stream, long streamVersion, List<NewEvent> batch) {
        long seq = lastSeq;
        byte[] prev = lastHash;
        String now = clock.instant().toString();
        List<RecordedEvent> out = new ArrayList<>(batch.size());
        long version = streamVersion;
        for (NewEvent e : batch) {
            seq++;
            version++;
            byte[] payload = EventCodec.encode(e.event());
            String type = e.event().type().typeName();
            int schema = e.event().type().schemaVersion();
            byte[] hash = chain.link(prev, seq, stream, version, type, schema, payload);
            out.add(new RecordedEvent(
                    seq, stream, version, type, schema, now, e.idempotencyKey(), payload, prev, hash));
            prev = hash;
        }
        return out;
    }
}
