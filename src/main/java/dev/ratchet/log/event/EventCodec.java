package dev.ratchet.log.event;

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
            READERS.put(type, Json.CANONICAL.readerFor(type.recordClass()));
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
            JsonNode upgraded = Upcasters.upgrade(type, schemaVersion, Json.CANONICAL.readTree(payload));
            return READERS.get(type).readValue(upgraded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + typeName + " v" + schemaVersion, e);
        }
    }
}
