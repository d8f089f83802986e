package dev.ratchet.model.simulated;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated agent's ability, as failure probabilities per base environment, difficulty and
 * failure mode, and the seeded draws that turn them into an attempt's result.
 *
 * <p>An attempt fails with mode {@code m} when a draw {@code u} falls below {@code q(m)}.
 * The draw mixes the item's latent ease with per-episode noise through a Gaussian copula, so its
 * marginal is uniform (which makes {@link #expectedAccuracy} exact) while repeated samples of one
 * item mostly agree. Skills only move {@code q}, never {@code u}: a helpful skill can turn a fail
 * into a pass on a given draw, never the reverse.
 */
final class CompetenceModel {

    private static final double DIFFICULTY_JITTER = 0.25;

    private final long seed;
    private final SimulatedWorld.Settings settings;
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    CompetenceModel(long seed, SimulatedWorld.Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    /** A base environment's seeded traits: pass probability at its easiest, decline, failure mix. */
    record Profile(double competence, double decline, Map<FailureMode, Double> weights) {
        Profile {
            weights = Map.copyOf(weights);
        }
    }

    Profile profile(String baseId) {
        return profiles.computeIfAbsent(baseId, this::drawProfile);
    }

    /** Failure modes of a base environment ordered by weight, heaviest first (ties by mode order). */
    List<FailureMode> modesByWeight(String baseId, boolean tools) {
        Profile profile = profile(baseId);
        return FailureMode.applicable(tools).stream()
                .sorted((a, b) -> Double.compare(
                        profile.weights().get(b), profile.weights().get(a)))
                .toList();
    }

    /** Probability that one step in {@code baseId} fails with {@code mode}, given the library's gains. */
    double failure(String baseId, FailureMode mode, int difficulty, double fraction, boolean tools, Gains gains) {
        Profile profile = profile(baseId);
        double jitter = DIFFICULTY_JITTER * Draws.normal(seed, "difficulty", baseId, Integer.toString(difficulty));
        double pass = Draws.sigmoid(Draws.logit(profile.competence()) - profile.decline() * fraction + jitter);
        double total = 0;
        for (FailureMode m : FailureMode.applicable(tools)) {
            total += profile.weights().get(m);
        }
        // Splitting the pass probability as a product keeps the total exact: prod (1-q_m) = pass.
        double share = profile.weights().get(mode) / total;
        double q = 1 - StrictMath.pow(pass, share);
        return Draws.sigmoid(Draws.logit(q) - gains.of(baseId, mode));
    }

    /**
     * The first failing mode of an attempt, or empty when it succeeds. A wrong value can happen at
     * every step of a composite; the other modes spoil the reply as a whole, so they are drawn once
     * with the mean of the steps' probabilities.
     */
    Optional<FailureMode> attempt(Environment env, Instance instance, String episodeId, Gains gains) {
        boolean tools = !env.tools().isEmpty();
        List<String> steps = env.baseIds();
        double fraction = fraction(env, instance.difficulty());
        // Two samples of one item then correlate at exactly itemStability.
        double rho = StrictMath.sqrt(settings.itemStability());
        double spread = StrictMath.sqrt(1 - settings.itemStability());
        for (FailureMode mode : FailureMode.applicable(tools)) {
            int draws = mode == FailureMode.WRONG_VALUE ? steps.size() : 1;
            for (int i = 0; i < draws; i++) {
                String step = mode == FailureMode.WRONG_VALUE ? Integer.toString(i) : "reply";
                double ease = Draws.normal(seed, "item", instance.id(), step, mode.label());
                double noise = Draws.normal(seed, "episode", episodeId, step, mode.label());
                double u = Draws.normalCdf(rho * ease + spread * noise);
                double q = mode == FailureMode.WRONG_VALUE
                        ? failure(steps.get(i), mode, instance.difficulty(), fraction, tools, gains)
                        : meanFailure(steps, mode, instance.difficulty(), fraction, tools, gains);
                if (u < q) {
                    return Optional.of(mode);
                }
            }
        }
        return Optional.empty();
    }

    /** Exact pass probability, averaged uniformly over the environment's difficulty range. */
    double expectedAccuracy(Environment env, Gains gains) {
        boolean tools = !env.tools().isEmpty();
        List<String> steps = env.baseIds();
        double sum = 0;
        int levels = 0;
        for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
            double fraction = fraction(env, d);
            double pass = 1;
            for (FailureMode mode : FailureMode.applicable(tools)) {
                if (mode == FailureMode.WRONG_VALUE) {
                    for (String step : steps) {
                        pass *= 1 - failure(step, mode, d, fraction, tools, gains);
                    }
                } else {
                    pass *= 1 - meanFailure(steps, mode, d, fraction, tools, gains);
                }
            }
            sum += pass;
            levels++;
        }
        return sum / levels;
    }

    private double meanFailure(
            List<String> steps, FailureMode mode, int difficulty, double fraction, boolean tools, Gains gains) {
        double sum = 0;
        for (String step : steps) {
            sum += failure(step, mode, difficulty, fraction, tools, gains);
        }
        return sum / steps.size();
    }

    private static double fraction(Environment env, int difficulty) {
        int range = env.maxDifficulty() - env.minDifficulty();
        return range <= 0 ? 0 : (difficulty - env.minDifficulty()) / (double) range;
    }

    private Profile drawProfile(String baseId) {
        SplittableRandom random = Draws.random(seed, "profile", baseId);
        double competence = between(random, settings.minCompetence(), settings.maxCompetence());
        double decline = settings.difficultyDecline() * between(random, 0.5, 1.5);
        Map<FailureMode, Double> weights = new EnumMap<>(FailureMode.class);
        weights.put(FailureMode.REFUSAL, between(random, 0.0, 0.06));
        weights.put(FailureMode.TRUNCATION, between(random, 0.02, 0.18));
        weights.put(FailureMode.FORMAT, between(random, 0.05, 0.45));
        weights.put(FailureMode.TOOL_MISUSE, between(random, 0.05, 0.25));
        weights.put(FailureMode.STEP_LIMIT, between(random, 0.03, 0.15));
        weights.put(FailureMode.WRONG_VALUE, between(random, 0.35, 1.0));
        return new Profile(competence, decline, weights);
    }

    private static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
