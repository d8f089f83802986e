package dev.ratchet.log;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An event as stored: the envelope (seq, stream, version, type, schema version, recorded-at,
 * idempotency key), the canonical payload bytes and the hash chain link.
 */
// The byte arrays come straight from the store and are compared through hashHex(), not equals: a
// defensive copy on every read would add two allocations per event to every fold of the log.
@SuppressWarnings("ArrayRecordComponent")
public record RecordedEvent(
        long seq,
        String stream,
        long version,
        String type,
        int schemaVersion,
        String recordedAt,
        String idempotencyKey,
        byte[] payload,
        byte[] prevHash,
        byte[] hash) {

    public RecordedEvent {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * Decodes the payload, upgrading it if it was written under an older schema version.
     *
     * @throws CorruptLogException naming this seq when the payload does not decode
     */
    public Event event() {
        try {
            return EventCodec.decode(type, schemaVersion, payload);
        } catch (RuntimeException e) {
            throw new CorruptLogException(seq, EventCodec.whyUndecodable(type, schemaVersion, e), e);
        }
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public String hashHex() {
        return HashChain.hex(hash);
    }
}
