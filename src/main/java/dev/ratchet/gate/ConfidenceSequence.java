package dev.ratchet.gate;

/**
 * A time-uniform confidence sequence for the mean paired difference of a stream of items, each
 * difference in [-1, 1]: valid at every item count at once, so the gate may look after every chunk
 * and stop whenever it likes without inflating its error rate.
 *
 * <p>Method: the predictable plug-in empirical-Bernstein confidence sequence (PrPl-EB) of
 * Waudby-Smith and Ramdas, "Estimating means of bounded random variables by betting", JRSS-B 86(1),
 * 2024, Theorem 2 with the plug-in rate of eq. (15) and truncation c = 1/2, applied one-sided to
 * {@code x = (d + 1) / 2} in [0, 1] and mapped back. Each bound is the running intersection (the
 * best bound seen so far), which the paper shows keeps the guarantee. A lower bound above zero at
 * level α is the always-valid test of "mean paired difference > 0"; an upper bound below a minimum
 * effect is the futility stop.
 */
public final class ConfidenceSequence {

    private static final double TRUNCATION = 0.5;

    private final double logInverseAlpha;
    private int n;
    private double sum;
    private double meanBefore = 0.5;
    private double squaresBefore = 0.25;
    private double lambdaSum;
    private double weightedSum;
    private double penalty;
    private double lower = -1;
    private double upper = 1;

    /** A sequence whose lower and upper bounds each hold with probability at least {@code 1 - alpha}. */
    public ConfidenceSequence(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        this.logInverseAlpha = Math.log(1 / alpha);
    }

    /** Adds one item's paired difference (candidate pass fraction minus baseline pass fraction). */
    public ConfidenceSequence add(double difference) {
        if (!(difference >= -1 && difference <= 1)) {
            throw new IllegalArgumentException("a paired difference lies in [-1, 1]: " + difference);
        }
        double x = (difference + 1) / 2;
        n++;
        double variance = squaresBefore / n;
        double lambda = Math.min(TRUNCATION, Math.sqrt(2 * logInverseAlpha / (variance * n * Math.log(1 + n))));
        double deviation = x - meanBefore;
        lambdaSum += lambda;
        weightedSum += lambda * x;
        // v = 4 (x - mean before)^2 times psi_E(lambda) = (-log(1 - lambda) - lambda) / 4
        penalty += deviation * deviation * (-Math.log(1 - lambda) - lambda);
        double centre = weightedSum / lambdaSum;
        double width = (logInverseAlpha + penalty) / lambdaSum;
        lower = Math.max(lower, 2 * (centre - width) - 1);
        upper = Math.min(upper, 2 * (centre + width) - 1);
        sum += difference;
        double mean = (0.5 + (sum + n) / 2) / (n + 1);
        squaresBefore += (x - mean) * (x - mean);
        meanBefore = mean;
        return this;
    }

    public int items() {
        return n;
    }

    /** The plain mean of the differences so far (0 before the first item). */
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    /** The lower bound on the mean difference, never below -1. */
    public double lower() {
        return Math.max(-1, lower);
    }

    /** The upper bound on the mean difference, never above 1. */
    public double upper() {
        return Math.min(1, upper);
    }
}
