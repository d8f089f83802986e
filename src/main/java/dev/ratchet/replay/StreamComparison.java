package dev.ratchet.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a recorded stream with a regenerated one event by event. Two events match when their
 * seq, stream, version, type, schema version and payload bytes are equal (their content) and their
 * hashes are equal; recorded-at is time, which replay cannot and need not reproduce.
 *
 * <p>Content comes first. An event whose content matches but whose hash does not can only be a
 * recorded event altered after it was written (equal content on equal earlier links hashes alike),
 * and from there on every hash differs. So the first divergent event is the first whose content
 * differs: the first consequence a replay can see of what was altered. The altered link itself is
 * named in the detail, and is the divergence only when no content differs at all.
 */
public final class StreamComparison {

    private StreamComparison() {}

    public static Optional<Divergence> firstDivergence(
            Iterator<RecordedEvent> recorded, Iterator<RecordedEvent> replayed) {
        RecordedEvent firstBadLink = null;
        while (recorded.hasNext() || replayed.hasNext()) {
            RecordedEvent a = recorded.hasNext() ? recorded.next() : null;
            RecordedEvent b = replayed.hasNext() ? replayed.next() : null;
            Optional<Divergence> d = a == null || b == null ? Optional.of(missing(a, b)) : compare(a, b);
            if (d.isPresent()) {
                return Optional.of(withLinkNote(d.get(), firstBadLink));
            }
            if (firstBadLink == null && !Arrays.equals(a.hash(), b.hash())) {
                firstBadLink = a;
            }
        }
        if (firstBadLink == null) {
            return Optional.empty();
        }
        return Optional.of(new Divergence(
                firstBadLink.seq(),
                firstBadLink.type(),
                firstBadLink.type(),
                List.of("hash"),
                "same content, a different hash: " + badLink(firstBadLink)));
    }

    private static Divergence missing(RecordedEvent a, RecordedEvent b) {
        if (a == null) {
            return new Divergence(
                    b.seq(),
                    null,
                    b.type(),
                    List.of(),
                    "replay produced an event the recording does not have (the recording ends at seq " + (b.seq() - 1)
                            + ")");
        }
        return new Divergence(a.seq(), a.type(), null, List.of(), "replay stopped before this recorded event");
    }

    private static Divergence withLinkNote(Divergence d, RecordedEvent badLink) {
        if (badLink == null) {
            return d;
        }
        return new Divergence(
                d.seq(),
                d.recordedType(),
                d.replayedType(),
                d.fields(),
                d.detail() + "; before it, " + badLink(badLink));
    }

    private static String badLink(RecordedEvent e) {
        return "the recorded " + e.type() + " at seq " + e.seq()
                + " does not hash to its stored hash (altered after it was written, or hashed otherwise by an older"
                + " version; `ratchet verify` checks every link)";
    }

    /** Compares content (envelope and payload); the hash is left to the caller. */
    static Optional<Divergence> compare(RecordedEvent a, RecordedEvent b) {
        if (a.seq() != b.seq()) {
            return Optional.of(new Divergence(a.seq(), a.type(), b.type(), List.of("seq"), "replayed seq " + b.seq()));
        }
        List<String> envelope = new ArrayList<>();
        if (!a.stream().equals(b.stream())) {
            envelope.add("stream");
        }
        if (a.version() != b.version()) {
            envelope.add("version");
        }
        if (!a.type().equals(b.type())) {
            envelope.add("type");
        }
        if (a.schemaVersion() != b.schemaVersion()) {
            envelope.add("schema_version");
        }
        boolean samePayload = Arrays.equals(a.payload(), b.payload());
        if (envelope.isEmpty() && samePayload) {
            return Optional.empty();
        }
        List<String> payload =
                samePayload ? List.of() : differingPaths(Json.parse(a.payloadText()), Json.parse(b.payloadText()));
        List<String> fields = new ArrayList<>(envelope);
        payload.forEach(p -> fields.add("payload" + p));
        if (fields.isEmpty()) {
            fields.add("payload");
        }
        return Optional.of(new Divergence(a.seq(), a.type(), b.type(), fields, example(a, b, payload)));
    }

    private static String example(RecordedEvent a, RecordedEvent b, List<String> paths) {
        if (paths.isEmpty()) {
            return "the envelopes differ";
        }
        String path = paths.get(0);
        return "at " + path + " recorded " + clip(at(Json.parse(a.payloadText()), path)) + ", replayed "
                + clip(at(Json.parse(b.payloadText()), path));
    }

    private static String at(JsonNode root, String path) {
        JsonNode n = root.at(path.isEmpty() ? "" : path.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"));
        return n.isMissingNode() ? "(absent)" : n.toString();
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** JSON paths (".field", "[index]") of the leaves that differ, capped at a readable number. */
    static List<String> differingPaths(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        collect("", a, b, out);
        return out.size() > 8 ? out.subList(0, 8) : out;
    }

    private static void collect(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                collect(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a == null || !a.equals(b)) {
            out.add(path);
        }
    }
}
