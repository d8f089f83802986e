package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.ToolCall;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Json;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The simulator on environments whose tasks need tools, through the real tool loop: it calls the
 * tools the task needs, its measured accuracy stays its true accuracy, and it shows each kind of
 * tool misuse.
 */
class SimulatedToolEpisodesTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();
    private static final List<String> ENVS = List.of("store.follow", "seq(arith.add,store.lookup)", "graphs.reach");
    private static final SimulatedWorld WORLD = new SimulatedWorld(
            23, CATALOG::resolve, SimulatedWorld.Settings.defaults().withEnvIds(ENVS));

    private static List<EpisodeResult> run(Environment env, int count) {
        EpisodeRunner runner = new EpisodeRunner(new ChatModelClient(WORLD.agent()));
        List<EpisodeResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instance instance = env.sample(900 + i, 1 + i % 5);
            String id = "i0/batch/" + instance.id() + "/s0";
            results.add(runner.run(new EpisodeSpec(id, 0, "batch", "train", instance, env, Library.empty(), 0)));
        }
        return results;
    }

    /** The calls the agent made, in order, as environment tool calls. */
    private static List<ToolCall> calls(EpisodeResult result) {
        List<ToolCall> calls = new ArrayList<>();
        for (ChatMessage message : result.trajectory()) {
            if (message instanceof AiMessage ai) {
                for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                    Map<String, Object> arguments = new LinkedHashMap<>();
                    JsonNode json = Json.parse(request.arguments());
                    json.fieldNames()
                            .forEachRemaining(
                                    name -> arguments.put(name, json.get(name).asText()));
                    calls.add(new ToolCall(request.name(), arguments));
                }
            }
        }
        return calls;
    }

    @Test
    void passesFollowTheToolPlanAndMeasuredAccuracyIsTheTrueOne() {
        for (String id : ENVS) {
            Environment env = CATALOG.resolve(id);
            List<EpisodeResult> results = run(env, 400);
            int passed = 0;
            for (EpisodeResult result : results) {
                EpisodeScored scored = result.scored();
                if (!scored.passed()) {
                    continue;
                }
                passed++;
                Instance instance = env.sample(
                        Long.parseLong(scored.instanceId().replaceAll(".*@(\\d+)/d\\d", "$1")),
                        Integer.parseInt(scored.instanceId().replaceAll(".*/d", "")));
                assertEquals(env.toolPlan(instance).calls(), calls(result), scored.instanceId());
                assertTrue(scored.steps() >= 2 && scored.steps() <= 4, scored.instanceId() + ": " + scored.steps());
                result.trajectory().stream()
                        .filter(ToolExecutionResultMessage.class::isInstance)
                        .map(m -> ((ToolExecutionResultMessage) m).text())
                        .forEach(text -> assertTrue(!text.startsWith("error:"), scored.instanceId() + ": " + text));
            }
            double truth = WORLD.trueAccuracy(Library.empty(), id);
            assertEquals(truth, passed / 400.0, 0.07, id);
        }
    }

    @Test
    void failuresIncludeEachKindOfToolMisuse() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (EpisodeResult result : run(CATALOG.resolve("store.follow"), 400)) {
            EpisodeScored scored = result.scored();
            kinds.merge(scored.failureKind(), 1, Integer::sum);
            if (scored.failureKind().equals("step-limit")) {
                assertEquals(EpisodeRunner.DEFAULT_MAX_STEPS, scored.steps());
            }
            if (scored.failureKind().equals("unknown-tool")
                    || scored.failureKind().equals("bad-arguments")) {
                assertEquals(1, scored.steps(), "misuse ends the episode at once");
            }
        }
        for (String kind : List.of("none", "unknown-tool", "bad-arguments", "step-limit", "wrong-value")) {
            assertTrue(kinds.getOrDefault(kind, 0) > 0, kind + " missing: " + kinds);
        }
    }
}
