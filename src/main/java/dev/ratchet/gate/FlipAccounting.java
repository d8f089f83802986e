package dev.ratchet.gate;

import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts, per probe item, how the baseline re-run and a candidate moved against the item's state
 * when drawn: fixes F→P and regressions P→F, for both. An item counts only when both the baseline
 * and the candidate have a definite state: flaky items (samples disagree) and infra items (no
 * usable sample) are neither fixes nor regressions, on either side, so the comparison stays paired.
 */
public final class FlipAccounting {

    private FlipAccounting() {}

    /** One candidate's counts against the baseline, and the per-item evidence. */
    public record Tally(
            int fixes,
            int regressions,
            int baselineFixes,
            int baselineRegressions,
            int flaky,
            int infra,
            int improvements,
            int worsenings,
            List<Flip> flips) {

        public Tally {
            flips = List.copyOf(flips);
        }

        /** (fixes − baseline fixes) − (regressions − baseline regressions). */
        public int net() {
            return (fixes - baselineFixes) - (regressions - baselineRegressions);
        }

        /** Regressions the baseline re-run does not account for as noise. */
        public int newRegressions() {
            return regressions - baselineRegressions;
        }
    }

    /**
     * @param baseline each item's baseline samples (pass, fail, infra), by instance id
     * @param candidate each item's candidate samples, by instance id
     */
    public static Tally count(
            List<ProbeItem> probe, Map<String, List<String>> baseline, Map<String, List<String>> candidate) {
        int fixes = 0;
        int regressions = 0;
        int baselineFixes = 0;
        int baselineRegressions = 0;
        int flaky = 0;
        int infra = 0;
        int improvements = 0;
        int worsenings = 0;
        List<Flip> flips = new ArrayList<>();
        for (ProbeItem item : probe) {
            ItemState before = item.failingBefore() ? ItemState.FAIL : ItemState.PASS;
            ItemState b = ItemState.of(baseline.getOrDefault(item.instanceId(), List.of()));
            ItemState c = ItemState.of(candidate.getOrDefault(item.instanceId(), List.of()));
            flips.add(new Flip(item.instanceId(), before.label(), b.label(), c.label()));
            if (b == ItemState.INFRA || c == ItemState.INFRA) {
                infra++;
            } else if (b == ItemState.FLAKY || c == ItemState.FLAKY) {
                flaky++;
            } else {
                fixes += before == ItemState.FAIL && c == ItemState.PASS ? 1 : 0;
                regressions += before == ItemState.PASS && c == ItemState.FAIL ? 1 : 0;
                baselineFixes += before == ItemState.FAIL && b == ItemState.PASS ? 1 : 0;
                baselineRegressions += before == ItemState.PASS && b == ItemState.FAIL ? 1 : 0;
                improvements += b == ItemState.FAIL && c == ItemState.PASS ? 1 : 0;
                worsenings += b == ItemState.PASS && c == ItemState.FAIL ? 1 : 0;
            }
        }
        return new Tally(
                fixes, regressions, baselineFixes, baselineRegressions, flaky, infra, improvements, worsenings, flips);
    }
}
