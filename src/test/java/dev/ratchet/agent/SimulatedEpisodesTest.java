package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.model.simulated.Effect;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.model.simulated.SmallEnvironments;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The simulator driven through the real prompt assembly, tool loop and verification. */
class SimulatedEpisodesTest {

    private static final SimulatedWorld WORLD = new SimulatedWorld(
            31,
            SmallEnvironments.lookup(),
            SimulatedWorld.Settings.defaults().withEnvIds(List.of("arith.add", "text.reverse", "math.square")));

    private static List<EpisodeScored> run(Environment env, Library library, int count) {
        List<EpisodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int difficulty = env.minDifficulty() + i % (env.maxDifficulty() - env.minDifficulty() + 1);
            Instance instance = env.sample(500 + i, difficulty);
            String id = "i0/batch/" + instance.id() + "/s0";
            specs.add(new EpisodeSpec(id, 0, "batch", "train", instance, env, library, 0));
        }
        EpisodeRunner runner = new EpisodeRunner(new ChatModelClient(WORLD.agent()), 4);
        return specs.stream().map(runner::run).map(EpisodeResult::scored).toList();
    }

    private static double accuracy(List<EpisodeScored> episodes) {
        return episodes.stream().filter(EpisodeScored::passed).count() / (double) episodes.size();
    }

    private static Skill candidate(String envId, Effect.Kind kind) {
        return WORLD.candidateSkills().stream()
                .filter(s -> s.tags().get(0).equals(envId))
                .filter(s -> WORLD.trueEffect(s).kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aHelpfulSkillRaisesTrueAndMeasuredAccuracyAndAHarmfulOneLowersThem() {
        Environment env = SmallEnvironments.ADD;
        Library helpful = new Library(List.of(), List.of(candidate(env.id(), Effect.Kind.HELPFUL)));
        Library harmful = new Library(List.of(), List.of(candidate(env.id(), Effect.Kind.HARMFUL)));

        double base = accuracy(run(env, Library.empty(), 400));
        double better = accuracy(run(env, helpful, 400));
        double worse = accuracy(run(env, harmful, 400));

        assertTrue(WORLD.trueAccuracy(helpful, env.id()) > WORLD.trueAccuracy(Library.empty(), env.id()));
        assertTrue(WORLD.trueAccuracy(harmful, env.id()) < WORLD.trueAccuracy(Library.empty(), env.id()));
        assertTrue(better > base + 0.05, "helpful: " + base + " -> " + better);
        assertTrue(worse < base - 0.05, "harmful: " + base + " -> " + worse);
        assertEquals(WORLD.trueAccuracy(Library.empty(), env.id()), base, 0.07);
    }

    @Test
    void aMixedSkillFixesItsEnvironmentAndRegressesAnother() {
        Skill mixed = candidate("arith.add", Effect.Kind.MIXED);
        Effect.Term hurt = WORLD.trueEffect(mixed).terms().stream()
                .filter(t -> t.gain() < 0)
                .findFirst()
                .orElseThrow();
        Library library = new Library(List.of(), List.of(mixed));
        assertTrue(WORLD.trueAccuracy(library, "arith.add") > WORLD.trueAccuracy(Library.empty(), "arith.add"));
        assertTrue(WORLD.trueAccuracy(library, hurt.envId()) < WORLD.trueAccuracy(Library.empty(), hurt.envId()));
    }

    @Test
    void episodesWithToolsPassFailAndMisuseThroughTheToolLoop() {
        List<EpisodeScored> episodes = run(SmallEnvironments.SQUARE, Library.empty(), 300);
        Set<String> kinds = new TreeSet<>();
        episodes.forEach(e -> kinds.add(e.failureKind()));
        assertTrue(
                kinds.containsAll(Set.of("none", "step-limit", "unknown-tool", "bad-arguments", "wrong-value")),
                kinds.toString());
        assertTrue(episodes.stream().anyMatch(e -> e.passed() && e.steps() == 2), "some passes consult the tool");
        episodes.stream().filter(e -> e.failureKind().equals("step-limit")).forEach(e -> assertEquals(4, e.steps()));
        assertEquals(WORLD.trueAccuracy(Library.empty(), "math.square"), accuracy(episodes), 0.08);
    }
}
