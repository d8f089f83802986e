package dev.ratchet.model.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.ratchet.env.Environment;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedAgentTest {

    private static final List<String> ENVS = List.of("arith.add", "text.reverse");

    private static SimulatedWorld world(long seed) {
        return new SimulatedWorld(
                seed,
                SmallEnvironments.lookup(),
                SimulatedWorld.Settings.defaults().withEnvIds(ENVS));
    }

    private static ChatResponse answer(ChatModel agent, Library library, Instance instance, String episode) {
        return agent.chat(Prompts.agentRequest(library, instance, episode));
    }

    @Test
    void sameSeedAndRequestGiveTheSameAnswer() {
        Environment env = SmallEnvironments.ADD;
        for (int i = 0; i < 40; i++) {
            Instance instance = env.sample(i, 1 + i % 4);
            ChatResponse first = answer(world(7).agent(), Library.empty(), instance, "ep-" + i);
            ChatResponse second = answer(world(7).agent(), Library.empty(), instance, "ep-" + i);
            assertEquals(first.aiMessage(), second.aiMessage());
            assertEquals(first.finishReason(), second.finishReason());
            assertEquals(first.tokenUsage(), second.tokenUsage());
        }
    }

    @Test
    void answersAreRealTextThatVerifiersJudge() {
        ChatModel agent = world(3).agent();
        Set<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        boolean truncated = false;
        boolean refused = false;
        for (int i = 0; i < 600; i++) {
            Environment env = i % 2 == 0 ? SmallEnvironments.ADD : SmallEnvironments.REVERSE;
            Instance instance = env.sample(i, env.maxDifficulty());
            ChatResponse response = answer(agent, Library.empty(), instance, "ep-" + i);
            Outcome outcome = env.verify(instance, response.aiMessage().text());
            kinds.add(outcome.kind());
            truncated |= response.finishReason() == FinishReason.LENGTH;
            refused |= response.aiMessage().text().startsWith("I'm");
            assertEquals("simulated-agent", response.modelName());
            assertTrue(
                    response.tokenUsage().inputTokenCount() >= instance.prompt().length() / 4);
        }
        assertEquals(EnumSet.of(FailureKind.NONE, FailureKind.FORMAT, FailureKind.WRONG_VALUE), kinds);
        assertTrue(truncated, "some replies are cut off at the length limit");
        assertTrue(refused, "some replies are refusals");
    }

    @Test
    void repeatedSamplesMostlyAgreeButSomeItemsAreFlaky() {
        ChatModel agent = world(11).agent();
        Environment env = SmallEnvironments.ADD_THEN_REVERSE;
        int flaky = 0;
        int items = 300;
        for (int i = 0; i < items; i++) {
            Instance instance = env.sample(i, 2);
            boolean first = passes(env, instance, answer(agent, Library.empty(), instance, "a-" + i));
            boolean second = passes(env, instance, answer(agent, Library.empty(), instance, "b-" + i));
            flaky += first == second ? 0 : 1;
        }
        assertTrue(flaky > 0, "some items disagree between samples");
        assertTrue(flaky < items / 5, "most items are stable, but " + flaky + " of " + items + " flipped");
    }

    @Test
    void measuredAccuracyTracksTrueAccuracyAndFallsWithDifficulty() {
        SimulatedWorld world = world(5);
        for (Environment env : List.of(SmallEnvironments.ADD, SmallEnvironments.REVERSE)) {
            int passed = 0;
            int total = 0;
            int[] passedAt = new int[env.maxDifficulty() + 1];
            for (int i = 0; i < 800; i++) {
                int d = env.minDifficulty() + i % (env.maxDifficulty() - env.minDifficulty() + 1);
                Instance instance = env.sample(1000 + i, d);
                boolean pass = passes(env, instance, answer(world.agent(), Library.empty(), instance, "e" + i));
                passed += pass ? 1 : 0;
                passedAt[d] += pass ? 1 : 0;
                total++;
            }
            double measured = passed / (double) total;
            double truth = world.trueAccuracy(Library.empty(), env.id());
            assertEquals(truth, measured, 0.06, env.id());
            assertTrue(passedAt[env.minDifficulty()] > passedAt[env.maxDifficulty()], env.id());
        }
    }

    @Test
    void aCompositeIsHarderThanEachOfItsSteps() {
        SimulatedWorld world = world(5);
        double composite = world.trueAccuracy(Library.empty(), SmallEnvironments.ADD_THEN_REVERSE.id());
        assertTrue(composite < world.trueAccuracy(Library.empty(), "arith.add"));
        assertTrue(composite < world.trueAccuracy(Library.empty(), "text.reverse"));
    }

    @Test
    void unknownSkillsHaveOnlyADiffuseEffectAndKnownOnesAreReadFromThePrompt() {
        SimulatedWorld world = world(9);
        Skill unknown = new Skill("be-nice", "", "always", List.of(), "Be nice to everyone.", "hand");
        double moved = world.trueAccuracy(Prompts.withSkill(unknown), "arith.add")
                - world.trueAccuracy(Library.empty(), "arith.add");
        assertTrue(moved != 0 && Math.abs(moved) < 0.07, "a small diffuse effect: " + moved);
        assertEquals(Effect.Kind.NEUTRAL, world.trueEffect(unknown).kind());

        Skill helpful = helpfulFor(world, "arith.add");
        Library library = Prompts.withSkill(helpful);
        Library read = PromptReader.read(systemText(library));
        assertEquals(helpful.name(), read.skills().get(0).name());
        assertEquals(helpful.body(), read.skills().get(0).body());
        assertEquals(world.trueEffect(helpful), world.trueEffect(read.skills().get(0)));
        assertTrue(world.trueAccuracy(read, "arith.add") > world.trueAccuracy(Library.empty(), "arith.add"));
    }

    @Test
    void aMoreCompetentWorldScoresHigherMeasuredAndTrue() {
        SimulatedWorld.Settings weak = new SimulatedWorld.Settings(ENVS, 0.3, 0.5, 1.2, 0.95, 0.7, 0, 0);
        SimulatedWorld.Settings strong = new SimulatedWorld.Settings(ENVS, 0.8, 0.95, 1.2, 0.95, 0.7, 0, 0);
        SimulatedWorld low = new SimulatedWorld(4, SmallEnvironments.lookup(), weak);
        SimulatedWorld high = new SimulatedWorld(4, SmallEnvironments.lookup(), strong);
        Environment env = SmallEnvironments.ADD_THEN_REVERSE;
        assertTrue(high.trueAccuracy(Library.empty(), env.id()) > low.trueAccuracy(Library.empty(), env.id()) + 0.2);
        int lowPasses = 0;
        int highPasses = 0;
        for (int i = 0; i < 200; i++) {
            Instance instance = env.sample(i, 1 + i % 3);
            lowPasses += passes(env, instance, answer(low.agent(), Library.empty(), instance, "e" + i)) ? 1 : 0;
            highPasses += passes(env, instance, answer(high.agent(), Library.empty(), instance, "e" + i)) ? 1 : 0;
        }
        assertTrue(highPasses > lowPasses + 40, lowPasses + " vs " + highPasses);
    }

    static Skill helpfulFor(SimulatedWorld world, String envId) {
        return world.candidateSkills().stream()
                .filter(s -> world.trueEffect(s).kind() == Effect.Kind.HELPFUL)
                .filter(s -> s.tags().get(0).equals(envId))
                .findFirst()
                .orElseThrow();
    }

    private static String systemText(Library library) {
        ChatMessage first = Prompts.agentRequest(library, SmallEnvironments.ADD.sample(1, 1), "e")
                .messages()
                .get(0);
        return ((SystemMessage) first).text();
    }

    private static boolean passes(Environment env, Instance instance, ChatResponse response) {
        return env.verify(instance, response.aiMessage().text()).passed();
    }
}
