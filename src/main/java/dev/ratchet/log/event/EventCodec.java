package dev.ratchet.log.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** Encodes events to canonical JSON bytes and decodes them back, upgrading old schema versions. */
public final class EventCodec {

    private static final Map<EventType, ObjectReader> READERS = new EnumMap<>(EventType.class);
    private static final Map<EventType, ObjectWriter> WRITERS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            // A payload with bytes after its JSON value is not one this codec wrote.
            READERS.put(
                    type,
                    Json.CANONICAL.readerFor(type.recordClass()).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
            WRITERS.put(type, Json.CANONICAL.writerFor(type.recordClass()));
        }
    }

    private EventCodec() {}

    public static byte[] encode(Event event) {
        try {
            return WRITERS.get(event.type()).writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + event.type().typeName(), e);
        }
    }

    public static Event decode(String typeName, int schemaVersion, byte[] payload) {
        EventType type = EventType.named(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + typeName));
        try {
            if (schemaVersion == type.schemaVersion()) {
                return READERS.get(type).readValue(payload);
            }
            JsonNode upgraded = Upcasters.upgrade(
                    type,
                    schemaVersion,
                    Json.CANONICAL
                            .reader()
                            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .readTree(payload));
            return READERS.get(type).readValue(upgraded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + typeName + " v" + schemaVersion, e);
        }
    }

    /** One line on why {@link #decode} failed, without the stack of parser context Jackson appends. */
    public static String whyUndecodable(String typeName, int schemaVersion, RuntimeException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        String line = String.valueOf(reason).lines().findFirst().orElse("");
        return "its " + typeName + " v" + schemaVersion + " payload does not decode ("
                + (line.length() > 160 ? line.substring(0, 157) + "..." : line) + ")";
    }
}
