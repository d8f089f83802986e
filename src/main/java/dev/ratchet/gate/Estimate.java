package dev.ratchet.gate;

import java.util.List;

/**
 * A mean paired difference (candidate minus baseline pass fraction, per item) over {@code items}
 * items, with its 95% interval from the confidence sequence (each side at 2.5%), which stays valid
 * at a data-dependent stopping time where a fixed-sample interval would not.
 */
public record Estimate(int items, double mean, double low, double high) {

    public static Estimate of(List<Double> differences) {
        double sideAlpha = (1 - SequentialTest.REPORTED_COVERAGE) / 2;
        ConfidenceSequence cs = new ConfidenceSequence(sideAlpha);
        differences.forEach(cs::add);
        return new Estimate(cs.items(), cs.mean(), cs.lower(), cs.upper());
    }

    /** "+4.2 points [+1.0, +7.5], 480 items". */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "%+.1f points [%+.1f, %+.1f], %d items",
                100 * mean,
                100 * low,
                100 * high,
                items);
    }
}
