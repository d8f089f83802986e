package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.simulated.SmallEnvironments;
import dev.ratchet.skill.Library;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EpisodeRunnerTest {

    private static final Environment SQUARE = SmallEnvironments.SQUARE;

    private static EpisodeSpec spec(Environment env, Instance instance) {
        return new EpisodeSpec("ep-1", 2, "batch", "train", instance, env, Library.empty(), 0);
    }

    private static EpisodeResult run(Environment env, Instance instance, Function<ChatRequest, ChatResponse> script) {
        return new EpisodeRunner(new ChatModelClient(new ScriptedModel(script)), 3).run(spec(env, instance));
    }

    private static ChatResponse text(String text) {
        return ScriptedModel.reply(AiMessage.from(text), FinishReason.STOP);
    }

    private static ChatResponse toolCall(String name, String arguments) {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("t1")
                .name(name)
                .arguments(arguments)
                .build();
        return ScriptedModel.reply(AiMessage.from(call), FinishReason.TOOL_EXECUTION);
    }

    @Test
    void aSingleTurnAnswerIsVerifiedAndScored() {
        Instance instance = SmallEnvironments.ADD.sample(4, 2);
        EpisodeResult result = run(SmallEnvironments.ADD, instance, r -> text(" " + instance.expected() + "\n"));
        EpisodeScored scored = result.scored();
        assertEquals("pass", scored.outcome());
        assertEquals("none", scored.failureKind());
        assertEquals(instance.id(), scored.instanceId());
        assertEquals(Library.empty().version(), scored.libraryVersion());
        assertEquals("stop", scored.finishReason());
        assertEquals(1, scored.steps());
        assertEquals(List.of("ep-1/call-1"), scored.callIds());
        assertEquals(List.of(result.calls().get(0), scored), result.events());
        assertEquals(2, result.trajectory().size(), "user message and the reply");
    }

    @Test
    void wrongAndUnparseableAnswersFailWithTheVerifiersKind() {
        Instance instance = SmallEnvironments.ADD.sample(4, 2);
        assertEquals(
                "wrong-value",
                run(SmallEnvironments.ADD, instance, r -> text("7")).scored().failureKind());
        EpisodeScored prose = run(SmallEnvironments.ADD, instance, r -> text("I think it is big"))
                .scored();
        assertEquals("fail", prose.outcome());
        assertEquals("format", prose.failureKind());
        assertEquals("I think it is big", prose.answer());
    }

    @Test
    void toolCallsAreExecutedAndTheirResultsShownToTheModel() {
        Instance instance = SQUARE.sample(5, 1);
        long n = (long) Math.sqrt((double) Long.parseLong(instance.expected()));
        EpisodeResult result = run(
                SQUARE,
                instance,
                r -> r.messages().size() == 1
                        ? toolCall("square", "{\"input\": \"" + n + "\"}")
                        : text(instance.expected()));
        assertEquals("pass", result.scored().outcome());
        assertEquals(2, result.scored().steps());
        assertEquals(List.of("ep-1/call-1", "ep-1/call-2"), result.scored().callIds());
        ToolExecutionResultMessage shown = assertInstanceOf(
                ToolExecutionResultMessage.class, result.trajectory().get(2));
        assertEquals(instance.expected(), shown.text());
        assertEquals(
                "square", result.calls().get(0).request().path("tools").path(0).asText());
        String transcript = result.transcript();
        assertTrue(transcript.contains("[ai]\ncall square {\"input\": \"" + n + "\"}"), transcript);
        assertTrue(transcript.contains("[tool_execution_result]\nsquare -> " + instance.expected()), transcript);
        assertTrue(transcript.endsWith("[ai]\n" + instance.expected()), transcript);
    }

    @Test
    void aModelThatKeepsCallingToolsStopsAtTheStepLimit() {
        Instance instance = SQUARE.sample(5, 1);
        EpisodeScored scored = run(SQUARE, instance, r -> toolCall("square", "{\"input\": \"3\"}"))
                .scored();
        assertEquals("fail", scored.outcome());
        assertEquals("step-limit", scored.failureKind());
        assertEquals(3, scored.steps());
        assertEquals("tool", scored.finishReason());
    }

    @Test
    void anUnknownToolAndArgumentsThatDoNotFitAreTwoKindsOfMisuse() {
        Instance instance = SQUARE.sample(5, 1);
        EpisodeScored unknown = run(SQUARE, instance, r -> toolCall("calculator", "{\"input\": \"3\"}"))
                .scored();
        assertEquals("unknown-tool", unknown.failureKind());
        assertEquals(1, unknown.steps());
        EpisodeScored noTools = run(
                        SmallEnvironments.ADD,
                        SmallEnvironments.ADD.sample(1, 1),
                        r -> toolCall("square", "{\"input\": \"3\"}"))
                .scored();
        assertEquals("unknown-tool", noTools.failureKind());
        for (String arguments : List.of("{\"value\": 3", "[\"3\"]", "{\"n\": \"3\"}", "{\"input\": [3]}")) {
            EpisodeScored bad =
                    run(SQUARE, instance, r -> toolCall("square", arguments)).scored();
            assertEquals("bad-arguments", bad.failureKind(), arguments);
        }
        EpisodeScored extra = run(SQUARE, instance, r -> toolCall("square", "{\"input\": \"3\", \"base\": 10}"))
                .scored();
        assertEquals("bad-arguments", extra.failureKind(), "a parameter the tool does not declare");
    }

    @Test
    void aToolThatRejectsItsInputAnswersWithAnErrorTheModelCanReadTo() {
        Instance instance = SQUARE.sample(5, 1);
        EpisodeResult result = run(
                SQUARE,
                instance,
                r -> r.messages().size() == 1
                        ? toolCall("square", "{\"input\": \"five\"}")
                        : text(instance.expected()));
        assertEquals("pass", result.scored().outcome());
        ToolExecutionResultMessage shown = assertInstanceOf(
                ToolExecutionResultMessage.class, result.trajectory().get(2));
        assertTrue(shown.text().startsWith("error:"), shown.text());
    }

    @Test
    void aFailedModelCallMakesTheEpisodeInfrastructure() {
        Instance instance = SQUARE.sample(5, 1);
        ScriptedModel model = new ScriptedModel(r -> toolCall("square", "{\"input\": \"3\"}"));
        EpisodeResult result = new EpisodeRunner(new ChatModelClient(model, id -> id.endsWith("call-2")), 5)
                .run(spec(SQUARE, instance));
        EpisodeScored scored = result.scored();
        assertEquals("infra", scored.outcome());
        assertEquals("infrastructure", scored.failureKind());
        assertEquals("error", scored.finishReason());
        assertEquals(2, scored.steps());
        ModelCallRecorded failed = result.calls().get(1);
        assertEquals("provider-unavailable", failed.errorClass());
        assertTrue(failed.response() == null || failed.response().isNull());
        assertFalse(scored.passed());
        assertNull(scored.failedStep());
    }

    @Test
    void aCompositesWrongStepIsReported() {
        Environment env = SmallEnvironments.ADD_THEN_REVERSE;
        Instance instance = env.sample(8, 2);
        EpisodeScored scored =
                run(env, instance, r -> text(instance.expected() + "9")).scored();
        assertEquals("wrong-step", scored.failureKind());
        assertEquals(0, scored.failedStep());
    }
}
