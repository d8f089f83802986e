package dev.ratchet.projection;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.LibraryRolledBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a campaign after its gate decisions, in log order: audits (re-checks and
 * bisections, each with its comparisons and verdict) and rollbacks.
 */
public record AuditTrail(List<Audit> audits, List<LibraryRolledBack> rollbacks) {

    public AuditTrail {
        audits = List.copyOf(audits);
        rollbacks = List.copyOf(rollbacks);
    }

    /** One audit: how it started, its comparisons so far, and its end (null while unfinished). */
    public record Audit(AuditStarted started, List<AuditCompared> comparisons, AuditFinished finished) {
        public Audit {
            comparisons = List.copyOf(comparisons);
        }
    }

    public static AuditTrail of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<AuditTrail> fold() {
        return new Builder();
    }

    public Optional<Audit> audit(String name) {
        return audits.stream().filter(a -> a.started().audit().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return audits.isEmpty() && rollbacks.isEmpty();
    }

    private static final class Builder implements Fold<AuditTrail> {
        private final List<AuditStarted> started = new ArrayList<>();
        private final List<AuditCompared> compared = new ArrayList<>();
        private final List<AuditFinished> finished = new ArrayList<>();
        private final List<LibraryRolledBack> rollbacks = new ArrayList<>();

        @Override
        public void accept(Event e) {
            if (e instanceof AuditStarted s) {
                started.add(s);
            } else if (e instanceof AuditCompared c) {
                compared.add(c);
            } else if (e instanceof AuditFinished f) {
                finished.add(f);
            } else if (e instanceof LibraryRolledBack r) {
                rollbacks.add(r);
            }
        }

        @Override
        public AuditTrail result() {
            List<Audit> audits = new ArrayList<>();
            for (AuditStarted s : started) {
                audits.add(new Audit(
                        s,
                        compared.stream()
                                .filter(c -> c.audit().equals(s.audit()))
                                .toList(),
                        finished.stream()
                                .filter(f -> f.audit().equals(s.audit()))
                                .findFirst()
                                .orElse(null)));
            }
            return new AuditTrail(audits, rollbacks);
        }
    }
}
