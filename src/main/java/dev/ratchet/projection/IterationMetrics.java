package dev.ratchet.projection;

import dev.ratchet.log.event.Event;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-iteration measurements: accuracy on the training batch, on the probe (the baseline re-run)
 * and on confirm when a promotion was scored there; failure kinds; decisions; and spend. Iteration
 * 0 holds what happened before the first iteration (the starting version's confirm score, setup
 * calls) and appears only when something did.
 */
public record IterationMetrics(List<Iteration> iterations) {

    public IterationMetrics {
        iterations = List.copyOf(iterations);
    }

    public static IterationMetrics of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<IterationMetrics> fold() {
        return new IterationMetricsFold();
    }

    /** Every failure kind seen in any iteration, sorted, so that charts give each the same series. */
    public List<String> failureKinds() {
        return iterations.stream()
                .flatMap(i -> i.failureKinds().keySet().stream())
                .distinct()
                .sorted()
                .toList();
    }

    public Spend totalSpend() {
        return iterations.stream().map(Iteration::spend).reduce(Spend.NONE, Spend::plus);
    }

    /**
     * One iteration.
     *
     * @param train batch episodes of the version under test (infrastructure failures left out)
     * @param probe the baseline re-run on this iteration's probe, every sample counted
     * @param confirm the confirm split score recorded in this iteration, null if none
     * @param failureKinds failing batch episodes by failure kind (infrastructure included)
     * @param regimes classified failures by regime
     */
    public record Iteration(
            int iteration,
            String libraryVersion,
            Rate train,
            Rate probe,
            Rate confirm,
            int infraEpisodes,
            SortedMap<String, Integer> failureKinds,
            SortedMap<String, Integer> regimes,
            int proposals,
            int proposalFailures,
            int staticRejections,
            int gateRejections,
            int promotions,
            Spend spend) {

        public Iteration {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(probe, "probe");
            failureKinds = Collections.unmodifiableSortedMap(new TreeMap<>(failureKinds));
            regimes = Collections.unmodifiableSortedMap(new TreeMap<>(regimes));
            Objects.requireNonNull(spend, "spend");
        }
    }
}
