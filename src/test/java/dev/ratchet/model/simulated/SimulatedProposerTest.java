package dev.ratchet.model.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.log.event.Json;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedProposerTest {

    private static final List<String> ENVS =
            List.of("arith.add", "text.reverse", "math.square", "seq(arith.add,text.reverse)");

    private static SimulatedWorld world(SimulatedWorld.Settings settings) {
        return new SimulatedWorld(21, SmallEnvironments.lookup(), settings.withEnvIds(ENVS));
    }

    private static SimulatedWorld world() {
        return world(SimulatedWorld.Settings.defaults());
    }

    static String context(String cluster, String regime, String env, String library) {
        return "{\"cluster\": \"" + cluster + "\", \"regime\": \"" + regime + "\", \"environments\": [\"" + env
                + "\"], \"failing\": [{\"instanceId\": \"" + env + "@1/d1\", \"envId\": \"" + env
                + "\", \"regime\": \"" + regime + "\", \"answer\": \"12\", \"expected\": \"13\"}],"
                + " \"passing\": [], \"library\": [" + library + "], \"sections\": [\"Answer format\"],"
                + " \"doNotRegress\": []}";
    }

    static ChatRequest request(String context) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from("You improve an agent's skills. Answer with one JSON edit."));
        messages.add(UserMessage.from("Failures to address:\n\n```json\n" + context + "\n```"));
        return ChatRequest.builder().messages(messages).build();
    }

    static Optional<JsonNode> edit(String text) {
        String json =
                text.contains("```json") ? text.substring(text.indexOf("```json") + 7, text.lastIndexOf("```")) : text;
        try {
            JsonNode node = Json.parse(json);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Test
    void theSameRequestGetsTheSameEdit() {
        ChatRequest request = request(context("c1", "format", "arith.add", ""));
        String first = world().proposer().chat(request).aiMessage().text();
        String second = world().proposer().chat(request).aiMessage().text();
        assertEquals(first, second);
        assertEquals("simulated-proposer", world().proposer().chat(request).modelName());
    }

    @Test
    void mostEditsTargetTheEnvironmentsItIsShown() {
        SimulatedWorld world = world();
        int onShown = 0;
        int skills = 0;
        for (int i = 0; i < 300; i++) {
            String text = world.proposer()
                    .chat(request(context("cluster-" + i, "wrong-value", "text.reverse", "")))
                    .aiMessage()
                    .text();
            Optional<JsonNode> edit = edit(text);
            if (edit.isPresent() && edit.get().path("op").asText().equals("add-skill")) {
                skills++;
                onShown += edit.get().path("tags").path(0).asText().equals("text.reverse") ? 1 : 0;
            }
        }
        assertTrue(skills > 200, "most answers are skill additions: " + skills);
        assertTrue(onShown > 0.7 * skills, onShown + " of " + skills + " target the shown environment");
    }

    @Test
    void theCatalogueHoldsHelpfulHarmfulNeutralAndMixedSkills() {
        SimulatedWorld world = world();
        Set<Effect.Kind> kinds = EnumSet.noneOf(Effect.Kind.class);
        for (Skill skill : world.candidateSkills()) {
            kinds.add(world.trueEffect(skill).kind());
            assertTrue(skill.name().matches("[a-z0-9]+(-[a-z0-9]+)+"), skill.name());
            assertTrue(skill.body().length() > 40, skill.body());
            assertFalse(skill.trigger().isBlank());
        }
        assertEquals(EnumSet.allOf(Effect.Kind.class), kinds);
    }

    @Test
    void helpfulSkillsRaiseTrueAccuracyAndHarmfulOnesLowerIt() {
        SimulatedWorld world = world();
        for (Skill skill : world.candidateSkills()) {
            String env = skill.tags().get(0);
            double before = world.trueAccuracy(Library.empty(), env);
            double after = world.trueAccuracy(Prompts.withSkill(skill), env);
            switch (world.trueEffect(skill).kind()) {
                case HELPFUL -> assertTrue(after > before, skill.name());
                case HARMFUL -> assertTrue(after < before, skill.name());
                case NEUTRAL -> assertEquals(before, after, 1e-12, skill.name());
                case MIXED -> assertTrue(after > before, skill.name() + " fixes its own environment");
            }
        }
    }

    @Test
    void malformedAnswersAreNotRepeatedWhenTheRetryShowsThem() {
        SimulatedWorld world = world(new SimulatedWorld.Settings(List.of(), 0.45, 0.92, 1.6, 0.95, 0.7, 1.0, 0));
        ChatRequest request = request(context("c", "format", "arith.add", ""));
        String bad = world.proposer().chat(request).aiMessage().text();
        assertTrue(edit(bad).isEmpty(), bad);

        List<ChatMessage> retry = new ArrayList<>(request.messages());
        retry.add(AiMessage.from(bad));
        retry.add(UserMessage.from("That was not valid JSON. Answer again with one JSON object."));
        String good = world.proposer()
                .chat(ChatRequest.builder().messages(retry).build())
                .aiMessage()
                .text();
        assertTrue(edit(good).isPresent(), good);
    }

    @Test
    void someEditsAreOnesAStaticGateMustReject() {
        SimulatedWorld world = world(new SimulatedWorld.Settings(List.of(), 0.45, 0.92, 1.6, 0.95, 0.7, 0, 1.0));
        int noTrigger = 0;
        int aimedAtHarness = 0;
        for (int i = 0; i < 40; i++) {
            JsonNode edit = edit(world.proposer()
                            .chat(request(context("c" + i, "format", "arith.add", "")))
                            .aiMessage()
                            .text())
                    .orElseThrow();
            noTrigger += edit.path("trigger").asText().isEmpty() ? 1 : 0;
            aimedAtHarness += edit.path("content").asText().contains("regression gate") ? 1 : 0;
        }
        assertTrue(noTrigger > 0 && aimedAtHarness > 0, noTrigger + " without trigger, " + aimedAtHarness);
        assertEquals(40, noTrigger + aimedAtHarness);
    }

    @Test
    void aSkillWithAPoorRecordIsOftenProposedForRemoval() {
        SimulatedWorld world = world();
        String library = "{\"name\": \"arith-add-estimate-then-answer\", \"trigger\": \"When adding\","
                + " \"fixes\": 0, \"regressions\": 3}";
        int removals = 0;
        for (int i = 0; i < 60; i++) {
            Optional<JsonNode> edit = edit(world.proposer()
                    .chat(request(context("c" + i, "wrong-value", "arith.add", library)))
                    .aiMessage()
                    .text());
            if (edit.isPresent() && edit.get().path("op").asText().equals("remove-skill")) {
                assertEquals(
                        "arith-add-estimate-then-answer",
                        edit.get().path("target").asText());
                removals++;
            }
        }
        assertTrue(removals > 15, "removals: " + removals);
        assertNotEquals(60, removals);
    }
}
