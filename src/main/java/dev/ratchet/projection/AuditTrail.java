package dev.ratchet.projection;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.LibraryRolledBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a campaign after its gate decisions, in log order: audits (re-checks,
 * bisections, ablations and transfer measurements, each with its comparisons and verdict) and
 * rollbacks. An ablation's ranking and pruning candidates and a transfer's figure come from here.
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

        public String kind() {
            return started.kind();
        }

        /** An ablation's parts by contribution, largest first ({@link AuditFigures#ranked}). */
        public List<AuditCompared> ranked() {
            return AuditFigures.ranked(comparisons);
        }

        /** An ablation's parts whose removal was not shown to hurt ({@link AuditFigures#pruningCandidates}). */
        public List<AuditCompared> pruningCandidates() {
            return AuditFigures.pruningCandidates(comparisons);
        }

        /** A transfer's figure over its environments ({@link AuditFigures#transfer}). */
        public Optional<GateDecided.Gain> transfer() {
            return AuditFigures.transfer(comparisons);
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

    /** The audits of these kinds only (rollbacks kept): {@code recheck}, {@code bisect}, {@code ablate}, {@code transfer}. */
    public AuditTrail only(String... kinds) {
        List<String> wanted = List.of(kinds);
        return new AuditTrail(
                audits.stream().filter(a -> wanted.contains(a.kind())).toList(), rollbacks);
    }

    /** The latest finished audit of {@code kind}, if any: what a report shows of it. */
    public Optional<Audit> latestFinished(String kind) {
        Audit found = null;
        for (Audit a : audits) {
            found = a.kind().equals(kind) && a.finished() != null ? a : found;
        }
        return Optional.ofNullable(found);
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
