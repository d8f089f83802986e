package dev.ratchet.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The per-environment regression guard, looked at once, when stage 2 has shown a gain: an edit is
 * rejected when some environment's mean paired difference is significantly below zero and its
 * estimated loss is at least {@code margin}. Significance is a one-sided large-sample z-test of the
 * mean paired difference (the paired t-test's normal limit) at {@code alpha / E}, Bonferroni over the
 * E environments measured; the margin keeps a significant but negligible dip from vetoing an edit.
 * A net gain cannot buy a shown regression.
 *
 * <p>Why not an e-process, as for the gain: the guard's own error, vetoing an edit whose environment
 * did not truly regress, costs power and never safety, and a betting test needs about twice the items
 * per environment to see the same regression. Looking once at a data-dependent stopping time makes
 * that error somewhat larger than {@code alpha}; {@code ratchet calibrate} measures what it costs.
 */
public record EnvironmentGuard(double alpha, double margin) {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public EnvironmentGuard {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("the guard's alpha must be in (0, 0.5): " + alpha);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("the guard's margin must be in [0, 1]: " + margin);
        }
    }

    /**
     * One environment's paired gain, the z statistic of its mean difference, and whether the guard
     * finds it regressed.
     */
    public record Finding(String envId, Estimate gain, double z, boolean regressed) {}

    /** Findings in environment id order. */
    public List<Finding> check(List<String> envIds, List<Double> differences) {
        Map<String, List<Double>> byEnv = new TreeMap<>();
        for (int i = 0; i < envIds.size(); i++) {
            byEnv.computeIfAbsent(envIds.get(i), k -> new ArrayList<>()).add(differences.get(i));
        }
        double critical = NORMAL.inverseCumulativeProbability(alpha / Math.max(1, byEnv.size()));
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byEnv.entrySet()) {
            double z = z(e.getValue());
            double mean = e.getValue().stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(0);
            boolean regressed = z <= critical && mean <= -margin;
            out.add(new Finding(e.getKey(), Estimate.of(e.getValue()), z, regressed));
        }
        return out;
    }

    /** The mean over its standard error; infinite when every difference is the same non-zero value. */
    static double z(List<Double> d) {
        int n = d.size();
        if (n < 2) {
            return 0;
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = d.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double se = Math.sqrt(squares / (n - 1) / n);
        if (se == 0) {
            return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        return mean / se;
    }
}
