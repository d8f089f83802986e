package dev.ratchet.report;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.EventType;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.projection.AuditTrail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the report shows of a campaign after its decisions: its audits and rollbacks, each with where
 * it sits in the log. An audit is stamped where it finished (where it started while unfinished), so
 * a reader can tell which of two re-checks is the later and find it with {@code log}.
 *
 * @param audits the stamp of each audit, by its name
 * @param rollbacks the stamp of each rollback, in the order of {@code trail.rollbacks()}
 */
public record SinceData(AuditTrail trail, Map<String, Stamp> audits, List<Stamp> rollbacks) {

    public SinceData {
        audits = Map.copyOf(audits);
        rollbacks = List.copyOf(rollbacks);
    }

    /** A position in the log: its seq, and when it was recorded (for display only). */
    public record Stamp(long seq, String recordedAt) {

        /** "seq 30112 · 2025-03-01 02:00 UTC" (the stamp as recorded when it is not an ISO instant). */
        public String label() {
            String at = recordedAt == null ? "" : recordedAt;
            if (at.length() >= 16 && at.charAt(10) == 'T' && at.endsWith("Z")) {
                at = at.substring(0, 10) + " " + at.substring(11, 16) + " UTC";
            }
            return "seq " + seq + (at.isEmpty() ? "" : " · " + at);
        }
    }

    /** No audits and no rollbacks. */
    public static SinceData none() {
        return new SinceData(new AuditTrail(List.of(), List.of()), Map.of(), List.of());
    }

    /** Reads only the audit and rollback events of {@code log}. */
    public static SinceData read(EventLog log) {
        Set<String> types = Set.of(
                EventType.AUDIT_STARTED.typeName(),
                EventType.AUDIT_COMPARED.typeName(),
                EventType.AUDIT_FINISHED.typeName(),
                EventType.LIBRARY_ROLLED_BACK.typeName());
        List<dev.ratchet.log.event.Event> events = new ArrayList<>();
        Map<String, Stamp> audits = new HashMap<>();
        List<Stamp> rollbacks = new ArrayList<>();
        try (Stream<RecordedEvent> recorded = log.read(EventQuery.all().types(types))) {
            for (RecordedEvent r : (Iterable<RecordedEvent>) recorded::iterator) {
                var e = r.event();
                Stamp stamp = new Stamp(r.seq(), r.recordedAt());
                if (e instanceof AuditStarted s) {
                    audits.put(s.audit(), stamp);
                } else if (e instanceof AuditFinished f) {
                    audits.put(f.audit(), stamp);
                } else if (e instanceof LibraryRolledBack) {
                    rollbacks.add(stamp);
                }
                events.add(e);
            }
        }
        return new SinceData(AuditTrail.of(events), audits, rollbacks);
    }

    /** Whether there is an audit to show (rollbacks alone show in the decisions list only). */
    public boolean hasAudits() {
        return !trail.audits().isEmpty();
    }

    public Stamp stamp(AuditTrail.Audit audit) {
        return audits.get(audit.started().audit());
    }
}
