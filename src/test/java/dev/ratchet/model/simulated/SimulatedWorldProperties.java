package dev.ratchet.model.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SimulatedWorldProperties {

    private static final List<Environment> ENVS =
            List.of(SmallEnvironments.ADD, SmallEnvironments.REVERSE, SmallEnvironments.ADD_THEN_REVERSE);

    private static SimulatedWorld world(long seed) {
        return new SimulatedWorld(
                seed,
                SmallEnvironments.lookup(),
                SimulatedWorld.Settings.defaults().withEnvIds(List.of("arith.add", "text.reverse")));
    }

    private static boolean passes(SimulatedWorld world, Library library, Environment env, Instance instance, String e) {
        ChatResponse response = world.agent().chat(Prompts.agentRequest(library, instance, e));
        return env.verify(instance, response.aiMessage().text()).passed();
    }

    @Property(tries = 150)
    void aHelpfulSkillNeverTurnsAPassIntoAFailOnTheSameDrawInItsEnvironment(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int envIndex,
            @ForAll @IntRange(min = 0, max = 100_000) int item,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String episode) {
        SimulatedWorld world = world(seed);
        Environment env = ENVS.get(envIndex);
        Instance instance = env.sample(item, env.minDifficulty() + item % 3);
        boolean before = passes(world, Library.empty(), env, instance, episode);
        for (Skill skill : world.candidateSkills()) {
            // Only in its own environment: elsewhere every text has a small diffuse effect of either sign.
            if (world.trueEffect(skill).kind() == Effect.Kind.HELPFUL
                    && before
                    && skill.tags().get(0).equals(env.id())) {
                assertTrue(passes(world, Prompts.withSkill(skill), env, instance, episode), skill.name());
            }
        }
    }

    @Property(tries = 60)
    void theSameSeedGivesTheSameReplyAndTruth(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 100_000) int item,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String episode) {
        Instance instance = SmallEnvironments.ADD_THEN_REVERSE.sample(item, 1 + item % 3);
        ChatResponse first = world(seed).agent().chat(Prompts.agentRequest(Library.empty(), instance, episode));
        ChatResponse second = world(seed).agent().chat(Prompts.agentRequest(Library.empty(), instance, episode));
        assertEquals(first.aiMessage(), second.aiMessage());
        assertEquals(
                world(seed).trueAccuracy(Library.empty(), "arith.add"),
                world(seed).trueAccuracy(Library.empty(), "arith.add"));
    }
}
