package dev.ratchet.torture;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A campaign log as comparable lines, one per event: its type and payload bytes. */
final class LogLines {

    /** The events that say what a campaign decided, as opposed to how it got its evidence. */
    static final Set<String> DECISIONS = Set.of(
            "candidate.proposed",
            "gate.static-passed",
            "gate.static-failed",
            "gate.decided",
            "candidate.promoted",
            "candidate.discarded",
            "confirm.scored",
            "campaign.stopped");

    private LogLines() {}

    /**
     * Every event, a model call's measured latency set to 0: a child JVM reads the real clock, so
     * latency is the one field two runs of one campaign may not share.
     */
    static List<String> all(Path db) {
        return read(db, EventQuery.all());
    }

    /** The decision events only. */
    static List<String> decisions(Path db) {
        return read(db, EventQuery.all().types(DECISIONS));
    }

    private static List<String> read(Path db, EventQuery query) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(query)) {
            return events.map(LogLines::line).toList();
        }
    }

    private static String line(RecordedEvent e) {
        if (e.event() instanceof ModelCallRecorded c) {
            ModelCallRecorded timeless = new ModelCallRecorded(
                    c.callId(),
                    c.role(),
                    c.model(),
                    c.requestHash(),
                    c.request(),
                    c.response(),
                    c.usage(),
                    0,
                    c.attempts(),
                    c.errorClass(),
                    c.costUsd());
            return e.type() + " " + new String(EventCodec.encode(timeless), StandardCharsets.UTF_8);
        }
        return e.type() + " " + e.payloadText();
    }

    /** Where two logs first differ, or null when they are equal. */
    static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "event " + (i + 1) + " differs: " + shorten(actual.get(i)) + " instead of "
                        + shorten(expected.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            return actual.size() + " events instead of " + expected.size();
        }
        return null;
    }

    static String shorten(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
