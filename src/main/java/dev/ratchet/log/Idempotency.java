package dev.ratchet.log;

import dev.ratchet.log.event.EventCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The idempotency rule every {@link EventLog} applies before writing a batch. */
public final class Idempotency {

    private Idempotency() {}

    /**
     * The originals when every event in the batch carries a key already recorded; null when none
     * does. A batch mixing both is refused, as is a key reused for a different payload.
     */
    public static List<RecordedEvent> existing(List<NewEvent> batch, Function<String, RecordedEvent> lookup) {
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

    public static void checkVersion(String stream, long expected, long actual) {
        if (expected != EventLog.ANY_VERSION && expected != actual) {
            throw new ConcurrencyException("stream " + stream + " is at version " + actual + ", expected " + expected
                    + "; another writer appended first, nothing written");
        }
    }
}
