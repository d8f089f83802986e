package dev.ratchet.log;

import java.util.Set;

/** Which events to read: optional stream and type filters, and an inclusive seq range. */
public record EventQuery(String stream, Set<String> types, long fromSeq, long toSeq) {

    public EventQuery {
        types = Set.copyOf(types);
        if (fromSeq < 1 || toSeq < fromSeq - 1) {
            throw new IllegalArgumentException("bad seq range " + fromSeq + ".." + toSeq);
        }
    }

    public static EventQuery all() {
        return new EventQuery(null, Set.of(), 1, Long.MAX_VALUE);
    }

    public EventQuery stream(String name) {
        return new EventQuery(name, types, fromSeq, toSeq);
    }

    public EventQuery types(Set<String> names) {
        return new EventQuery(stream, names, fromSeq, toSeq);
    }

    public EventQuery from(long seq) {
        return new EventQuery(stream, types, seq, toSeq);
    }

    public boolean matches(RecordedEvent e) {
        return (stream == null || stream.equals(e.stream()))
                && (types.isEmpty() || types.contains(e.type()))
                && e.seq() >= fromSeq
                && e.seq() <= toSeq;
    }
}
