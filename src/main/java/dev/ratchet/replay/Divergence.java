package dev.ratchet.replay;

import java.util.List;
import java.util.Objects;

/**
 * The first place where a regenerated event stream differs from the recorded one: the seq, the
 * recorded and regenerated types, and the JSON paths of the payload fields that differ.
 */
public record Divergence(long seq, String recordedType, String replayedType, List<String> fields, String detail) {

    public Divergence {
        Objects.requireNonNull(detail, "detail");
        fields = List.copyOf(fields);
    }

    public String describe() {
        String types = Objects.equals(recordedType, replayedType)
                ? String.valueOf(recordedType)
                : "recorded " + orNothing(recordedType) + ", replayed " + orNothing(replayedType);
        return "first divergent event at seq " + seq + " (" + types + ")"
                + (fields.isEmpty() ? "" : ", differing fields: " + String.join(", ", fields)) + ": " + detail;
    }

    private static String orNothing(String type) {
        return type == null ? "nothing" : type;
    }
}
