package dev.ratchet.log.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place where old payloads are upgraded on read. Each entry lifts a payload of {@code
 * type} from schema version {@code v} to {@code v + 1}; reading applies them in order until the
 * current version of the type is reached. Recorded bytes are never rewritten: the hash chain
 * covers what was written.
 */
public final class Upcasters {

    /** Key: type name + "@" + from-version. Empty while every type is at version 1. */
    private static final Map<String, UnaryOperator<JsonNode>> STEPS = Map.of();

    private Upcasters() {}

    public static JsonNode upgrade(EventType type, int fromVersion, JsonNode payload) {
        if (fromVersion > type.schemaVersion()) {
            throw new IllegalArgumentException(type.typeName() + " has schema version " + fromVersion
                    + ", newer than this build knows (" + type.schemaVersion() + "); upgrade ratchet");
        }
        JsonNode current = payload;
        for (int v = fromVersion; v < type.schemaVersion(); v++) {
            UnaryOperator<JsonNode> step = STEPS.get(type.typeName() + "@" + v);
            if (step == null) {
                throw new IllegalStateException("no upcaster for " + type.typeName() + " v" + v);
            }
            current = step.apply(current);
        }
        return current;
    }
}
