package dev.ratchet.model.simulated;

import dev.langchain4j.model.chat.ChatModel;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A simulator of the agent's model and of the proposer with known ground truth, so that tests and
 * the demo run without network or model weights, and benchmarks can measure what no real model
 * allows: how often the gate promotes a truly harmful edit or misses a truly good one.
 *
 * <p>Everything is a pure function of the seed and the request. The agent's competence is seeded
 * per base environment and difficulty; a composite's follows from its steps. The proposer draws
 * from a catalogue of edits whose true {@link Effect}s are known. {@link #trueAccuracy} and
 * {@link #trueEffect} are for benchmarks and tests only, never for the gate.
 */
public final class SimulatedWorld {

    private final long seed;
    private final Function<String, Environment> envs;
    private final Settings settings;
    private final CompetenceModel competence;
    private final Catalogue catalogue;
    private final ChatModel agent;
    private final ChatModel proposer;

    public SimulatedWorld(long seed, Function<String, Environment> envs, Settings settings) {
        this.seed = seed;
        this.envs = Objects.requireNonNull(envs, "envs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.competence = new CompetenceModel(seed, settings);
        TreeSet<String> universe = new TreeSet<>();
        for (String id : settings.envIds()) {
            universe.addAll(require(id).baseIds());
        }
        this.catalogue = Catalogue.build(seed, List.copyOf(universe), this::require, competence);
        this.agent = new SimulatedAgent(this);
        this.proposer =
                new SimulatedProposer(this, new EditChooser(catalogue, this::baseIds, settings.proposerFocus()));
    }

    /**
     * The simulator's knobs. {@code envIds} are the environments the proposer's catalogue covers
     * (composites stand for their base steps); competences are pass probabilities of one step at
     * the easiest difficulty; {@code difficultyDecline} is the log-odds lost from easiest to
     * hardest; {@code itemStability} is the correlation of the latent draws of two samples of one
     * item (1: never flaky); {@code proposerFocus} the share of proposals aimed at a shown environment.
     */
    public record Settings(
            List<String> envIds,
            double minCompetence,
            double maxCompetence,
            double difficultyDecline,
            double itemStability,
            double proposerFocus,
            double malformedRate,
            double invalidEditRate,
            boolean deterministic) {

        /** Sampled answers (temperature above 0): every episode draws its own noise. */
        public Settings(
                List<String> envIds,
                double minCompetence,
                double maxCompetence,
                double difficultyDecline,
                double itemStability,
                double proposerFocus,
                double malformedRate,
                double invalidEditRate) {
            this(
                    envIds,
                    minCompetence,
                    maxCompetence,
                    difficultyDecline,
                    itemStability,
                    proposerFocus,
                    malformedRate,
                    invalidEditRate,
                    false);
        }

        public Settings {
            envIds = List.copyOf(envIds);
            probability("minCompetence", minCompetence);
            probability("maxCompetence", maxCompetence);
            if (minCompetence > maxCompetence) {
                throw new IllegalArgumentException("simulator setting minCompetence (" + minCompetence
                        + ") must not exceed maxCompetence (" + maxCompetence + ")");
            }
            if (!(difficultyDecline >= 0 && difficultyDecline <= 10)) {
                throw new IllegalArgumentException(
                        "simulator setting difficultyDecline must be within [0, 10]: " + difficultyDecline);
            }
            probability("itemStability", itemStability);
            probability("proposerFocus", proposerFocus);
            probability("malformedRate", malformedRate);
            probability("invalidEditRate", invalidEditRate);
        }

        public static Settings defaults() {
            return new Settings(List.of(), 0.55, 0.95, 1.2, 0.95, 0.7, 0.05, 0.05);
        }

        public Settings withEnvIds(List<String> ids) {
            return new Settings(
                    ids,
                    minCompetence,
                    maxCompetence,
                    difficultyDecline,
                    itemStability,
                    proposerFocus,
                    malformedRate,
                    invalidEditRate,
                    deterministic);
        }

        /**
         * Temperature 0: repeated runs of one prompt on one item agree exactly, and any change of the
         * prompt re-draws the noise of every item, so borderline items flip on unrelated edits.
         */
        public Settings withDeterministic(boolean on) {
            return new Settings(
                    envIds,
                    minCompetence,
                    maxCompetence,
                    difficultyDecline,
                    itemStability,
                    proposerFocus,
                    malformedRate,
                    invalidEditRate,
                    on);
        }

        private static void probability(String field, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("simulator setting " + field + " must be within [0, 1]: " + value);
            }
        }
    }

    /** The simulated agent's model, named {@code simulated-agent}. */
    public ChatModel agent() {
        return agent;
    }

    /** The simulated proposer's model, named {@code simulated-proposer}. */
    public ChatModel proposer() {
        return proposer;
    }

    /** Ground truth: the expected pass rate of {@code library} on {@code envId}, over its difficulties. */
    public double trueAccuracy(Library library, String envId) {
        return competence.expectedAccuracy(require(envId), catalogue.gains(library));
    }

    /** Ground truth: what a skill truly does (by name and body; unknown skills are neutral). */
    public Effect trueEffect(Skill skill) {
        return catalogue.skillEffect(skill.name(), skill.body());
    }

    /** Ground truth: what a prompt-section text truly does (unknown texts are neutral). */
    public Effect trueEffect(PromptSection section) {
        return catalogue.sectionEffect(section.text());
    }

    /** Every skill the simulated proposer can offer, in catalogue order. */
    public List<Skill> candidateSkills() {
        List<Skill> skills = new ArrayList<>();
        catalogue.skills().forEach(c -> skills.add(c.skill()));
        return List.copyOf(skills);
    }

    public long seed() {
        return seed;
    }

    Settings settings() {
        return settings;
    }

    Optional<Environment> environment(String envId) {
        try {
            return Optional.ofNullable(envs.apply(envId));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    Optional<FailureMode> attempt(Environment env, Instance instance, String episodeId, String systemPrompt) {
        // At temperature 0 the noise follows the prompt, not the episode (see Settings#withDeterministic).
        String noiseKey = settings.deterministic() ? "t0/" + Integer.toHexString(systemPrompt.hashCode()) : episodeId;
        return competence.attempt(env, instance, noiseKey, catalogue.gains(PromptReader.read(systemPrompt)));
    }

    private List<String> baseIds(String envId) {
        return environment(envId).map(Environment::baseIds).orElse(List.of());
    }

    private Environment require(String envId) {
        return environment(envId)
                .orElseThrow(() -> new IllegalArgumentException("the simulator does not know environment " + envId));
    }

    @Override
    public String toString() {
        return "simulated world (simulator, seed " + seed + ")";
    }
}
