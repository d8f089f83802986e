package dev.ratchet.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.env.Instance;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.Json;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposerPromptTest {

    private static final List<EpisodeScored> BATCH = List.of(
            Episodes.failed("add@1/d1", "wrong-value", "5", "stop"),
            Episodes.passed("add@2/d1", "9"),
            Episodes.failed("add@3/d1", "wrong-value", "11", "stop"),
            Episodes.passed("mul@1/d1", "12"),
            Episodes.failed("mul@2/d1", "format", "twelve", "stop"));

    private static Instance instance(String id) {
        String env = id.substring(0, id.indexOf('@'));
        return new Instance(
                env,
                Long.parseLong(id.substring(id.indexOf('@') + 1, id.indexOf('/'))),
                1,
                "Compute task " + id + ".",
                "expected-" + id);
    }

    private static ProposerInput input() {
        return input(List.of());
    }

    private static ProposerInput input(List<String> rejected) {
        List<FailureClassified> classified = BATCH.stream()
                .map(FailureDetectors::classify)
                .flatMap(java.util.Optional::stream)
                .toList();
        FailureClusters.Cluster top = FailureClusters.rank(classified).get(0);
        Library library = new Library(
                List.of(new PromptSection("role", "r"), new PromptSection("format", "f")),
                List.of(new Skill("carry", "d", "adding", List.of(), "b", "proposed: i1-c1")));
        return ProposerInput.of(
                2,
                top,
                BATCH,
                ProposerPromptTest::instance,
                library,
                Map.of("carry", new ProposerInput.SkillStanding("carry", "adding", 3, 1)),
                1500,
                rejected);
    }

    /** The proposer is told which edits the campaign already rejected, the latest ones, with why. */
    @Test
    void rejectedEditsAreListedSoTheyAreNotResubmittedUnchanged() {
        assertFalse(ProposerPrompt.narrative(input()).contains("already rejected"), "nothing rejected, nothing said");
        List<String> rejected = new java.util.ArrayList<>();
        for (int i = 1; i <= ProposerInput.MAX_REJECTED + 2; i++) {
            rejected.add("i" + i + "-c1: add-skill carry-" + i + " (gate: screen: gain -1.0 points)");
        }
        ProposerInput in = input(rejected);
        String user = ProposerPrompt.narrative(in);
        assertTrue(
                user.contains("Edits this campaign already rejected (do not resubmit one unchanged):\n"
                        + "- i3-c1: add-skill carry-3 (gate: screen: gain -1.0 points)\n"),
                user);
        assertFalse(user.contains("carry-2 "), "only the latest " + ProposerInput.MAX_REJECTED);
        assertTrue(ProposerPrompt.contextJson(in).contains("\"rejected\""));
    }

    @Test
    void theContextBlockFollowsTheProtocol() {
        JsonNode context = Json.parse(ProposerPrompt.contextJson(input()));

        assertEquals("wrong-value in add", context.get("cluster").asText());
        assertEquals("wrong-value", context.get("regime").asText());
        assertEquals("add", context.get("environments").get(0).asText());
        assertEquals(2, context.get("failing").size());
        JsonNode failing = context.get("failing").get(0);
        assertEquals("add@1/d1", failing.get("instanceId").asText());
        assertEquals("5", failing.get("answer").asText());
        assertEquals("expected-add@1/d1", failing.get("expected").asText());
        assertEquals(1, context.get("passing").size(), "passing traces come from the same environment");
        assertEquals("add@2/d1", context.get("passing").get(0).get("instanceId").asText());
        assertEquals(3, context.get("library").get(0).get("fixes").asInt());
        assertEquals(1, context.get("library").get(0).get("regressions").asInt());
        assertEquals(List.of("role", "format"), Json.CANONICAL.convertValue(context.get("sections"), List.class));
        assertEquals("[\"add@2/d1\",\"mul@1/d1\"]", context.get("doNotRegress").toString());
    }

    @Test
    void theRequestEndsWithTheFencedContextAndStatesTheRules() {
        ChatRequest request = ProposerPrompt.request(input());

        String system = ((SystemMessage) request.messages().get(0)).text();
        String user = ((UserMessage) request.messages().get(1)).singleText();
        assertTrue(system.contains("Narrow, triggered rules beat generic advice"));
        assertTrue(system.contains("\"op\": \"add-skill\" | \"modify-skill\" | \"remove-skill\" | \"edit-section\""));
        assertTrue(user.endsWith("```json\n" + ProposerPrompt.contextJson(input()) + "\n```"));
        assertTrue(user.contains("Compute task add@1/d1."), "the narrative shows the failing task");
        assertEquals(request, ProposerPrompt.request(input()), "the same input gives the same request");
    }

    @Test
    void theRetryShowsTheBadAnswerAndTheProblem() {
        ChatRequest first = ProposerPrompt.request(input());

        ChatRequest retry = ProposerPrompt.retry(first, "not json", "no JSON object found in the answer");

        assertEquals(4, retry.messages().size());
        assertTrue(((UserMessage) retry.messages().get(3)).singleText().contains("no JSON object found"));
    }
}
