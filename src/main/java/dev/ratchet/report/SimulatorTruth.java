package dev.ratchet.report;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.projection.LibraryVersions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulator knows and no measurement can: the true expected accuracy of any library on
 * each environment. The report shows it beside the measured figures, labelled as the simulator's,
 * so that a reader sees how far the estimates landed from the truth. Overall figures are the mean
 * over the campaign's environments weighted by their shares, as in {@code campaign.GroundTruth}.
 */
public final class SimulatorTruth {

    /** The simulator's true pass rate of a library (as the log snapshots it) on an environment. */
    @FunctionalInterface
    public interface TrueAccuracy {
        double of(LibrarySnapshotted library, String envId);
    }

    /** One of the campaign's environments and its share of the draws. */
    public record Share(String envId, double weight) {
        public Share {
            java.util.Objects.requireNonNull(envId, "envId");
        }
    }

    private final List<Share> shares;
    private final TrueAccuracy truth;
    private final Map<String, Map<String, Double>> cache = new HashMap<>();

    private SimulatorTruth(List<Share> shares, TrueAccuracy truth) {
        this.shares = List.copyOf(shares);
        this.truth = truth;
    }

    /** Empty when the campaign names no built-in environment: the simulator knows nothing of task suites. */
    public static Optional<SimulatorTruth> of(List<Share> shares, TrueAccuracy truth) {
        return shares.isEmpty() ? Optional.empty() : Optional.of(new SimulatorTruth(shares, truth));
    }

    /** The share-weighted true accuracy of {@code version}, or empty when the log holds no snapshot of it. */
    Optional<Double> accuracy(LibraryVersions versions, String version) {
        return byEnvironment(versions, version).map(envs -> {
            double sum = 0;
            double weights = 0;
            for (Share s : shares) {
                sum += s.weight() * envs.get(s.envId());
                weights += s.weight();
            }
            return sum / weights;
        });
    }

    /** The true accuracy of {@code version} on each of the campaign's environments, in config order. */
    Optional<Map<String, Double>> byEnvironment(LibraryVersions versions, String version) {
        if (version == null) {
            return Optional.empty();
        }
        Map<String, Double> known = cache.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<LibrarySnapshotted> snapshot = versions.version(version);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> envs = new LinkedHashMap<>();
        shares.forEach(s -> envs.put(s.envId(), truth.of(snapshot.get(), s.envId())));
        cache.put(version, envs);
        return Optional.of(envs);
    }
}
