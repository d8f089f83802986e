package dev.ratchet.propose;

import dev.ratchet.log.event.FailureClassified;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups classified failures by (regime, environment) and ranks the groups: the largest first,
 * ties by label, so the proposer's K calls go to the commonest distinct ways the agent fails.
 * Infrastructure failures are not the agent's fault and form no cluster.
 */
public final class FailureClusters {

    private FailureClusters() {}

    /** One cluster: its label, regime, environment and failures in batch order. */
    public record Cluster(String label, String regime, String envId, List<FailureClassified> failures) {
        public Cluster {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(regime, "regime");
            Objects.requireNonNull(envId, "envId");
            failures = List.copyOf(failures);
        }

        public static String labelOf(String regime, String envId) {
            return regime + " in " + envId;
        }
    }

    /** Every cluster, ranked. */
    public static List<Cluster> rank(List<FailureClassified> failures) {
        Map<String, List<FailureClassified>> byLabel = new LinkedHashMap<>();
        for (FailureClassified f : failures) {
            if (!Regime.INFRASTRUCTURE.label().equals(f.regime())) {
                byLabel.computeIfAbsent(Cluster.labelOf(f.regime(), f.envId()), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        for (Map.Entry<String, List<FailureClassified>> e : byLabel.entrySet()) {
            FailureClassified first = e.getValue().get(0);
            clusters.add(new Cluster(e.getKey(), first.regime(), first.envId(), e.getValue()));
        }
        clusters.sort(
                Comparator.comparingInt((Cluster c) -> -c.failures().size()).thenComparing(Cluster::label));
        return List.copyOf(clusters);
    }

    /** The top {@code k} clusters (fewer when there are fewer). */
    public static List<Cluster> top(List<FailureClassified> failures, int k) {
        List<Cluster> ranked = rank(failures);
        return ranked.subList(0, Math.min(k, ranked.size()));
    }
}
