package dev.ratchet.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import dev.ratchet.env.Environment;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Outcome;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one episode through a {@link ModelClient}: a single turn when the environment offers no
 * tools; otherwise a loop that executes the model's tool calls with the environment's tools until
 * the model answers, misuses a tool (an unknown tool or bad arguments), or reaches the step limit. The final answer is verified by the
 * environment. A model call that failed after its retries makes the episode infrastructure, never
 * the agent's fault. Stateless and thread-safe: many episodes may run at once.
 */
public final class EpisodeRunner {

    public static final int DEFAULT_MAX_STEPS = 8;
    static final String ROLE = "agent";

    private final ModelClient client;
    private final int maxSteps;

    public EpisodeRunner(ModelClient client) {
        this(client, DEFAULT_MAX_STEPS);
    }

    /** {@code maxSteps} bounds the model calls of one episode. */
    public EpisodeRunner(ModelClient client, int maxSteps) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("the step limit must be at least 1: " + maxSteps);
        }
        this.maxSteps = maxSteps;
    }

    /** The most model calls {@code spec} can make: one for a single turn, the step limit with tools. */
    public int maxCalls(EpisodeSpec spec) {
        return maxCalls(spec.environment());
    }

    /** The most model calls an episode in {@code environment} can make, known before its spec is made. */
    public int maxCalls(Environment environment) {
        return environment.tools().isEmpty() ? 1 : maxSteps;
    }

    public EpisodeResult run(EpisodeSpec spec) {
        ToolBox tools = new ToolBox(spec.environment().tools());
        List<ChatMessage> messages =
                new ArrayList<>(PromptAssembler.messages(spec.library(), spec.instance(), spec.episodeId()));
        List<ModelCallRecorded> calls = new ArrayList<>();
        String finish = "stop";
        for (int step = 1; step <= maxSteps; step++) {
            CallContext context = new CallContext(spec.episodeId() + "/call-" + step, ROLE);
            ModelCall call = client.call(context, request(messages, tools));
            calls.add(call.record());
            if (!call.succeeded()) {
                EpisodeResult infra = result(spec, Verdict.INFRA, calls, messages);
                return new EpisodeResult(infra.scored(), infra.calls(), infra.trajectory(), call.failure());
            }
            AiMessage reply = call.response().aiMessage() == null
                    ? AiMessage.from("")
                    : call.response().aiMessage();
            finish = finishLabel(call.response().finishReason());
            messages.add(reply);
            String text = reply.text() == null ? "" : reply.text();
            if (!reply.hasToolExecutionRequests()) {
                Outcome outcome = spec.environment().verify(spec.instance(), text);
                return result(spec, Verdict.of(outcome, text, finish), calls, messages);
            }
            for (ToolExecutionRequest request : reply.toolExecutionRequests()) {
                ToolBox.Execution execution = tools.execute(request);
                messages.add(ToolExecutionResultMessage.from(request, execution.result()));
                if (execution.misused()) {
                    return result(spec, Verdict.failure(execution.misuse(), text, finish), calls, messages);
                }
            }
        }
        return result(spec, Verdict.failure(FailureKind.STEP_LIMIT, "", finish), calls, messages);
    }

    private static ChatRequest request(List<ChatMessage> messages, ToolBox tools) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(List.copyOf(messages));
        if (!tools.specifications().isEmpty()) {
            builder.toolSpecifications(tools.specifications());
        }
        return builder.build();
    }

    private static EpisodeResult result(
            EpisodeSpec spec, Verdict verdict, List<ModelCallRecorded> calls, List<ChatMessage> messages) {
        List<String> callIds = calls.stream().map(ModelCallRecorded::callId).toList();
        EpisodeScored scored = new EpisodeScored(
                spec.episodeId(),
                spec.iteration(),
                spec.phase(),
                spec.split(),
                spec.instance().id(),
                spec.environment().id(),
                spec.library().version(),
                spec.sample(),
                verdict.outcome(),
                verdict.failureKind(),
                verdict.failedStep(),
                verdict.answer(),
                verdict.finishReason(),
                calls.size(),
                callIds);
        return new EpisodeResult(scored, calls, messages);
    }

    /** The protocol's finish-reason labels. */
    static String finishLabel(FinishReason reason) {
        if (reason == null) {
            return "other";
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool";
            case CONTENT_FILTER -> "content-filter";
            case OTHER -> "other";
        };
    }

    /** The scored fields of an episode's end. */
    private record Verdict(String outcome, String failureKind, Integer failedStep, String answer, String finishReason) {

        static final Verdict INFRA = new Verdict("infra", "infrastructure", null, "", "error");

        static Verdict of(Outcome outcome, String answer, String finish) {
            return outcome.passed()
                    ? new Verdict("pass", "none", null, answer, finish)
                    : new Verdict("fail", outcome.kind().label(), outcome.failedStep(), answer, finish);
        }

        static Verdict failure(FailureKind kind, String answer, String finish) {
            return new Verdict("fail", kind.label(), null, answer, finish);
        }
    }
}
