package dev.ratchet.projection;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.GateDecided;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The figures an ablation and a transfer measurement come to, from their comparisons: shared by the
 * audits' verdicts, the commands and the report, so that each states them alike.
 */
public final class AuditFigures {

    private AuditFigures() {}

    /**
     * An ablation's parts by contribution (the full library's gain over the library without the
     * part), largest first; ties keep the order the parts were measured in.
     */
    public static List<AuditCompared> ranked(List<AuditCompared> ablation) {
        return ablation.stream()
                .sorted(Comparator.comparingDouble(
                                (AuditCompared c) -> -c.gain().mean())
                        .thenComparingInt(AuditCompared::step))
                .toList();
    }

    /**
     * Parts whose removal does not hurt: the library without one was not shown worse than the full
     * library, so the part's contribution is not shown above zero ({@code no-effect}, {@code
     * undecided}, or {@code worse}: the part itself hurts). Candidates for pruning, in ranked order.
     */
    public static List<AuditCompared> pruningCandidates(List<AuditCompared> ablation) {
        return ranked(ablation).stream().filter(c -> !c.better()).toList();
    }

    /**
     * One transfer figure over a transfer's environments, each weighted equally: the mean of their
     * gains, with the interval from the mean of their bounds. When every environment's interval
     * holds, so does this one (a mean is monotone in each term), so it covers with at least the
     * probability that all of them do, at least 1 - k * 5% by the union bound over k intervals
     * (conservative: the per-environment errors partly cancel). Empty without comparisons.
     */
    public static Optional<GateDecided.Gain> transfer(List<AuditCompared> transfer) {
        if (transfer.isEmpty()) {
            return Optional.empty();
        }
        int k = transfer.size();
        int items = transfer.stream().mapToInt(c -> c.gain().items()).sum();
        double mean = transfer.stream().mapToDouble(c -> c.gain().mean()).sum() / k;
        double low = transfer.stream().mapToDouble(c -> c.gain().low()).sum() / k;
        double high = transfer.stream().mapToDouble(c -> c.gain().high()).sum() / k;
        return Optional.of(new GateDecided.Gain(items, mean, low, high));
    }
}
