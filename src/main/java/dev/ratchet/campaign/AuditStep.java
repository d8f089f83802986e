package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audits' decisions as a pure function of the folded log, like the {@link Decider}: the open
 * audit's next comparison (its missing episodes, or its result), or its end. A re-check compares
 * every promoted version with the version it was promoted from, in promotion order, at the gate's
 * alpha divided by the number of promotions (Bonferroni), so the chance of flagging any truly
 * harmless promotion stays within alpha. A bisection halves the promotion chain from good to bad
 * with one comparison per step (is the middle worse than the last good?) and, unless a step already
 * did, confirms the pair it ends on: at most ceil(log2 n) + 1 comparisons for n promotions.
 * Ablations and transfer measurements are {@link AblationStep} and {@link TransferStep}.
 */
final class AuditStep {

    private final CampaignConfig config;
    private final Function<String, Environment> environments;
    private final SplitIndex splits;
    private final AblationStep ablation;
    private final TransferStep transfer;

    AuditStep(CampaignConfig config, Function<String, Environment> environments, SplitIndex splits) {
        this.config = config;
        this.environments = environments;
        this.splits = splits;
        this.ablation = new AblationStep(config, environments, splits);
        this.transfer = new TransferStep(config, environments, splits);
    }

    Action next(LoopState state) {
        Audits audits = state.audits();
        Optional<AuditStarted> open = audits.open();
        if (open.isEmpty()) {
            return new Action.Done();
        }
        AuditStarted audit = open.get();
        List<AuditCompared> done = audits.comparisons(audit.audit());
        if (AuditStarted.ABLATE.equals(audit.kind())) {
            return ablation.next(state, audit, done);
        }
        if (AuditStarted.TRANSFER.equals(audit.kind())) {
            return transfer.next(state, audit, done);
        }
        boolean recheck = AuditStarted.RECHECK.equals(audit.kind());
        Optional<AuditComparison.Pair> pair = recheck ? recheckPair(audits, done) : bisectPair(audits, audit, done);
        if (pair.isEmpty()) {
            return new Action.Emit(List.of(recheck ? rechecked(audit, done) : bisected(audits, audit, done)));
        }
        double alpha = recheck
                ? config.gate().alpha() / Math.max(1, audits.promotions().size())
                : config.gate().alpha();
        List<String> weighted = audit.env() == null ? CampaignSetup.weightedIds(config) : List.of(audit.env());
        AuditComparison comparison =
                new AuditComparison(config.gate(), new GateItems(config.seed(), weighted, environments, splits), alpha);
        AuditComparison.Next next = comparison.next(
                audits,
                audit.audit(),
                done.size(),
                pair.get(),
                audit.env(),
                state.current().number());
        return next.result() != null ? new Action.Emit(List.of(next.result())) : new Action.RunEpisodes(next.missing());
    }

    private static Optional<AuditComparison.Pair> recheckPair(Audits audits, List<AuditCompared> done) {
        if (done.size() >= audits.promotions().size()) {
            return Optional.empty();
        }
        Audits.Promotion p = audits.promotions().get(done.size());
        return Optional.of(
                new AuditComparison.Pair(p.fromVersion(), p.toVersion(), p.iteration(), p.candidateId(), p.claimed()));
    }

    /** Where the bisection stands: the last version not shown worse, and the first shown worse. */
    private record Bounds(List<String> chain, int good, int bad) {
        static Bounds of(Audits audits, AuditStarted audit, List<AuditCompared> done) {
            List<String> chain = audits.chain(audit.good(), audit.bad());
            int good = 0;
            int bad = chain.size() - 1;
            for (AuditCompared c : done) {
                int at = chain.indexOf(c.version());
                if (c.worse()) {
                    bad = at;
                } else {
                    good = at;
                }
            }
            return new Bounds(chain, good, bad);
        }

        /** The comparison of the first bad version with the one just before it, when it was made. */
        Optional<AuditCompared> confirmed(List<AuditCompared> done) {
            return done.stream()
                    .filter(c -> c.version().equals(chain.get(bad))
                            && c.baseVersion().equals(chain.get(bad - 1)))
                    .findFirst();
        }
    }

    private static Optional<AuditComparison.Pair> bisectPair(
            Audits audits, AuditStarted audit, List<AuditCompared> done) {
        Bounds b = Bounds.of(audits, audit, done);
        if (b.chain().size() < 2 || b.bad() <= b.good()) {
            return Optional.empty();
        }
        int next = b.bad() - b.good() > 1 ? (b.good() + b.bad()) / 2 : b.bad();
        if (next == b.bad() && b.confirmed(done).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                AuditComparison.Pair.of(b.chain().get(b.good()), b.chain().get(next)));
    }

    private static AuditFinished rechecked(AuditStarted audit, List<AuditCompared> done) {
        List<AuditCompared> flagged = done.stream().filter(AuditCompared::worse).toList();
        String verdict = done.size() + (done.size() == 1 ? " promotion" : " promotions") + " re-measured; "
                + (flagged.isEmpty()
                        ? "none is worse than its predecessor with confidence"
                        : "flagged (worse than its predecessor with confidence): "
                                + String.join(
                                        ", ",
                                        flagged.stream()
                                                .map(AuditCompared::candidateId)
                                                .toList()));
        return new AuditFinished(
                audit.audit(), flagged.isEmpty() ? null : flagged.get(0).version(), verdict);
    }

    private static AuditFinished bisected(Audits audits, AuditStarted audit, List<AuditCompared> done) {
        Bounds b = Bounds.of(audits, audit, done);
        String what = audit.env() == null ? "the mix" : audit.env();
        int promotions = Math.max(0, b.chain().size() - 1);
        String after = " (" + done.size() + (done.size() == 1 ? " comparison" : " comparisons") + " over " + promotions
                + (promotions == 1 ? " promotion)" : " promotions)");
        if (b.chain().size() < 2 || b.bad() <= b.good()) {
            return new AuditFinished(
                    audit.audit(), null, "no promotion from good to bad was shown to make " + what + " worse" + after);
        }
        String version = b.chain().get(b.bad());
        String candidate = audits.promotions().stream()
                .filter(p -> p.toVersion().equals(version))
                .map(Audits.Promotion::candidateId)
                .reduce((x, y) -> y)
                .orElse("?");
        AuditCompared c = b.confirmed(done).orElseThrow();
        return new AuditFinished(
                audit.audit(),
                version,
                String.format(
                        Locale.ROOT,
                        "the promotion of %s (to %s) first made %s worse: %+.1f points [%+.1f, %+.1f] on %d items%s",
                        candidate,
                        version,
                        what,
                        100 * c.gain().mean(),
                        100 * c.gain().low(),
                        100 * c.gain().high(),
                        c.gain().items(),
                        after));
    }
}
