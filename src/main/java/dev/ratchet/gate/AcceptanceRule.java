package dev.ratchet.gate;

import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides which candidate, if any, is promoted. A candidate passes the rule when its net gain is at
 * least the minimum (a tie with the baseline never is: the minimum is at least 1), its new
 * regressions are within the budget and, when alpha is set, the exact sign test on discordant
 * pairs gives p ≤ alpha. Of the candidates that pass, the best is accepted: highest net, then fewer
 * regressions, then the smaller candidate id.
 */
public record AcceptanceRule(int minNetGain, int regressionBudget, Double alpha) {

    public AcceptanceRule {
        if (minNetGain < 1) {
            throw new IllegalArgumentException("the minimum net gain must be at least 1");
        }
        if (regressionBudget < 0) {
            throw new IllegalArgumentException("the regression budget must not be negative");
        }
    }

    /** A candidate's counts on the probe. */
    public record Scored(String candidateId, FlipAccounting.Tally tally) {
        public Scored {
            Objects.requireNonNull(candidateId, "candidateId");
            Objects.requireNonNull(tally, "tally");
        }
    }

    public GateDecided decide(int iteration, List<Scored> candidates) {
        Scored best = candidates.stream()
                .filter(c -> failures(c.tally()).isEmpty())
                .min(Comparator.comparingInt((Scored c) -> -c.tally().net())
                        .thenComparingInt(c -> c.tally().regressions())
                        .thenComparing(Scored::candidateId))
                .orElse(null);
        List<Verdict> verdicts = new ArrayList<>();
        for (Scored c : candidates) {
            FlipAccounting.Tally t = c.tally();
            List<String> failed = failures(t);
            boolean accepted = c == best;
            String reason;
            if (accepted) {
                // Both counts rather than their difference, which is negative whenever the baseline
                // re-run regressed more than the candidate did.
                reason = "accepted: net gain " + t.net() + "; " + t.regressions()
                        + (t.regressions() == 1 ? " regression" : " regressions") + " against "
                        + t.baselineRegressions() + " on the baseline re-run, within the regression budget "
                        + regressionBudget;
            } else if (failed.isEmpty()) {
                reason = "passed the rule, but " + best.candidateId() + " ranked higher";
            } else {
                reason = String.join("; ", failed);
            }
            verdicts.add(new Verdict(
                    c.candidateId(),
                    t.fixes(),
                    t.regressions(),
                    t.baselineFixes(),
                    t.baselineRegressions(),
                    t.net(),
                    t.flaky(),
                    t.infra(),
                    SignTest.pValue(t.improvements(), t.worsenings()),
                    accepted,
                    reason,
                    t.flips()));
        }
        return new GateDecided(iteration, best == null ? null : best.candidateId(), verdicts);
    }

    private static String counts(FlipAccounting.Tally t) {
        return t.fixes() + " fixes, " + t.regressions() + " regressions; baseline re-run " + t.baselineFixes()
                + " fixes, " + t.baselineRegressions() + " regressions";
    }

    /** Every part of the rule the tally breaks, in words; empty when it passes. */
    public List<String> failures(FlipAccounting.Tally t) {
        List<String> out = new ArrayList<>();
        if (t.net() < minNetGain) {
            out.add("net gain " + t.net() + " is below the minimum " + minNetGain
                    + (t.net() == 0 ? " (a tie with the baseline)" : ""));
        }
        if (t.newRegressions() > regressionBudget) {
            out.add(t.newRegressions() + " new regressions exceed the budget " + regressionBudget + " ("
                    + t.regressions() + " against " + t.baselineRegressions() + " on the baseline re-run)");
        }
        if (alpha != null) {
            double p = SignTest.pValue(t.improvements(), t.worsenings());
            if (p > alpha) {
                out.add(String.format(
                        Locale.ROOT,
                        "sign test p=%.4f is above alpha %s (%d better, %d worse)",
                        p,
                        alpha,
                        t.improvements(),
                        t.worsenings()));
            }
        }
        return out;
    }
}
