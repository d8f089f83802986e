package dev.ratchet.gate;

import java.util.List;
import java.util.Locale;

/**
 * The stage-2 test of one finalist: "mean paired difference > 0" at level {@code alpha}, with a
 * futility stop once the gain is shown to be below {@code minEffect} at level {@code beta}, looked
 * at after every chunk of items; both are e-processes ({@link BettingTest}), so looking often and
 * stopping early costs no error rate. The reported interval comes from {@link ConfidenceSequence}. No stop is taken
 * before {@code minItems}, and no success before every environment has {@code minEnvironmentItems},
 * so the guard has evidence everywhere and the reported gain is not the lucky first stretch; at
 * {@code maxItems} the test gives up undecided.
 */
public record SequentialTest(
        double alpha, double beta, double minEffect, int minItems, int minEnvironmentItems, int maxItems) {

    /** Two-sided coverage of the interval reported with every estimate. */
    public static final double REPORTED_COVERAGE = 0.95;

    public SequentialTest {
        if (!(alpha > 0 && alpha < 0.5) || !(beta > 0 && beta < 0.5)) {
            throw new IllegalArgumentException("alpha and beta must be in (0, 0.5)");
        }
        if (minItems < 1 || maxItems < minItems || minEnvironmentItems < 0) {
            throw new IllegalArgumentException("need 1 <= minItems <= maxItems and minEnvironmentItems >= 0");
        }
    }

    /** Where a finalist's test stands. */
    public enum Status {
        CONTINUE,
        SUCCESS,
        FUTILE,
        CAPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The test's state over the items so far, with the gain's estimate and its interval. */
    public record Result(Status status, Estimate gain) {}

    public Result run(List<Double> differences) {
        return run(differences, Integer.MAX_VALUE);
    }

    /**
     * Runs the test over the paired differences, holding success back for thin environments.
     *
     * @param smallestEnvironment items of the environment with the fewest so far: success waits until
     *     every environment has {@code minEnvironmentItems}, so the guard has evidence everywhere
     */
    public Result run(List<Double> differences, int smallestEnvironment) {
        // Success: bet against "mean <= 0"; futility: bet against "mean >= minEffect".
        BettingTest gain = new BettingTest();
        BettingTest futility = new BettingTest();
        differences.forEach(d -> {
            gain.add(d);
            futility.add(minEffect - d);
        });
        Estimate estimate = Estimate.of(differences);
        int n = differences.size();
        if (n < minItems) {
            return new Result(Status.CONTINUE, estimate);
        }
        if (gain.rejected(alpha) && smallestEnvironment >= minEnvironmentItems) {
            return new Result(Status.SUCCESS, estimate);
        }
        // Futility looks at the wealth now, not its running maximum: a good edit whose first items
        // went badly is not stopped for a stretch the later items undid, while a truly small gain
        // keeps its futility wealth growing and still stops about as early.
        if (futility.rejectedNow(beta)) {
            return new Result(Status.FUTILE, estimate);
        }
        return new Result(n >= maxItems ? Status.CAPPED : Status.CONTINUE, estimate);
    }
}
