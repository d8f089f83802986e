package dev.ratchet.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-environment regression guard: an edit is rejected when some environment's paired
 * difference is shown, with confidence, to be a regression of at least {@code margin}: a betting
 * test ({@link BettingTest}) of "this environment loses less than the margin" rejects at {@code
 * alpha / E} (Bonferroni over the E environments measured). A net gain cannot buy a proven
 * regression.
 */
public record EnvironmentGuard(double alpha, double margin) {

    public EnvironmentGuard {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("the guard's alpha must be in (0, 0.5): " + alpha);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("the guard's margin must be in [0, 1]: " + margin);
        }
    }

    /** One environment's paired gain and whether the guard finds it regressed. */
    public record Finding(String envId, Estimate gain, boolean regressed) {}

    /** Findings in environment id order. */
    public List<Finding> check(List<String> envIds, List<Double> differences) {
        Map<String, List<Double>> byEnv = new TreeMap<>();
        for (int i = 0; i < envIds.size(); i++) {
            byEnv.computeIfAbsent(envIds.get(i), k -> new ArrayList<>()).add(differences.get(i));
        }
        double corrected = alpha / Math.max(1, byEnv.size());
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byEnv.entrySet()) {
            // Bet against "this environment loses less than the margin".
            BettingTest loss = new BettingTest();
            e.getValue().forEach(d -> loss.add(-margin - d));
            out.add(new Finding(e.getKey(), Estimate.of(e.getValue()), loss.rejected(corrected)));
        }
        return out;
    }
}
