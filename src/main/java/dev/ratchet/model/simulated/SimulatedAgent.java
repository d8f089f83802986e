package dev.ratchet.model.simulated;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import dev.ratchet.log.event.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator's stand-in for the agent's model. It regenerates the task from the id in the user
 * message, decides pass or a failure mode from its seeded competence and the library in the system
 * prompt, and writes what a model would: the answer, a wrong value, prose, a refusal, a truncated
 * reply, or tool calls.
 *
 * <p>In an environment whose tasks hide their state behind tools, it follows the environment's
 * {@link ToolPlan}: one round of calls per reply, then the answer. Whether it passes is decided as
 * everywhere, by its competence, so the ground truth holds; the tools only shape the transcript
 * and the failures it can show (calling a tool that does not exist, arguments that do not fit,
 * calling round after round until the step limit). An honest attempt makes at most
 * {@value #MAX_TOOL_REPLIES} replies with calls (later rounds are merged into the last), so it
 * finishes within any step limit of four or more.
 */
final class SimulatedAgent implements ChatModel {

    static final String MODEL = "simulated-agent";
    private static final int DEFAULT_LENGTH_LIMIT = 64;
    static final int MAX_TOOL_REPLIES = 3;

    private final SimulatedWorld world;

    SimulatedAgent(SimulatedWorld world) {
        this.world = world;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Optional<TaskRef> ref = TaskRef.parse(Replies.firstUser(request.messages()));
        Optional<Environment> env = ref.flatMap(r -> world.environment(r.envId()));
        int input = Replies.inputTokens(request);
        if (env.isEmpty()) {
            String text = "I could not find a task I recognise in this message, so I have no answer to give.";
            return Replies.response(MODEL, AiMessage.from(text), FinishReason.STOP, input, Replies.tokens(text));
        }
        TaskRef task = ref.orElseThrow();
        Instance instance = env.get().sample(task.seed(), task.difficulty());
        Optional<FailureMode> failure =
                world.attempt(env.get(), instance, task.episodeId(), Replies.firstSystem(request.messages()));
        Turn turn = new Turn(env.get(), instance, task.episodeId(), request);
        return turn.reply(failure.orElse(null));
    }

    @Override
    public String toString() {
        return "simulated agent (simulator, seed " + world.seed() + ")";
    }

    /** One reply within one episode: which turn it is decides between a tool call and an answer. */
    private final class Turn {
        private final Environment env;
        private final Instance instance;
        private final String episodeId;
        private final ChatRequest request;
        private final List<ToolSpecification> tools;
        private final int number;
        private final SplittableRandom style;

        Turn(Environment env, Instance instance, String episodeId, ChatRequest request) {
            this.env = env;
            this.instance = instance;
            this.episodeId = episodeId;
            this.request = request;
            this.tools = Replies.tools(request);
            this.number = (int) request.messages().stream()
                    .filter(AiMessage.class::isInstance)
                    .count();
            this.style = Draws.random(world.seed(), "style", episodeId, instance.id());
        }

        ChatResponse reply(FailureMode failure) {
            boolean consult = style.nextBoolean();
            ToolPlan plan = tools.isEmpty() ? ToolPlan.NONE : env.toolPlan(instance);
            if (!plan.isEmpty()) {
                return planned(plan, failure);
            }
            if (!tools.isEmpty() && failure == FailureMode.STEP_LIMIT) {
                return toolCall(tools.get(0).name(), arguments(tools.get(0), instance.expected()));
            }
            if (!tools.isEmpty() && failure == FailureMode.TOOL_MISUSE && number == 0) {
                return misuse();
            }
            if (!tools.isEmpty() && number == 0 && consult) {
                return toolCall(tools.get(0).name(), arguments(tools.get(0), instance.expected()));
            }
            if (failure == FailureMode.TRUNCATION) {
                return truncated();
            }
            return answer(finalText(failure));
        }

        private ChatResponse planned(ToolPlan plan, FailureMode failure) {
            List<List<ToolCall>> rounds = capped(plan);
            if (failure == FailureMode.REFUSAL) {
                return answer(finalText(failure));
            }
            if (failure == FailureMode.TOOL_MISUSE && number == 0) {
                return misuse(plan.calls().get(0));
            }
            if (failure == FailureMode.STEP_LIMIT) {
                return toolCalls(rounds.get(number % rounds.size()));
            }
            if (number < rounds.size()) {
                return toolCalls(rounds.get(number));
            }
            return failure == FailureMode.TRUNCATION ? truncated() : answer(finalText(failure));
        }

        /** The unknown tool a model might guess, or the call with its last parameter misnamed. */
        private ChatResponse misuse(ToolCall first) {
            if (style.nextBoolean()) {
                String guess = "get_" + first.tool();
                boolean offered = tools.stream().anyMatch(t -> t.name().equals(guess));
                return toolCall(offered ? guess + "_v2" : guess, json(first.arguments()));
            }
            Map<String, Object> renamed = new LinkedHashMap<>(first.arguments());
            String last = List.copyOf(renamed.keySet()).get(renamed.size() - 1);
            Object value = renamed.remove(last);
            renamed.put(last.equals("value") ? "query" : "value", value);
            return toolCall(first.tool(), json(renamed));
        }

        private ChatResponse toolCalls(List<ToolCall> calls) {
            List<ToolExecutionRequest> requests = new ArrayList<>();
            StringBuilder written = new StringBuilder();
            for (int i = 0; i < calls.size(); i++) {
                String arguments = json(calls.get(i).arguments());
                requests.add(ToolExecutionRequest.builder()
                        .id("call_" + number + (i == 0 ? "" : "_" + i))
                        .name(calls.get(i).tool())
                        .arguments(arguments)
                        .build());
                written.append(calls.get(i).tool()).append(arguments);
            }
            return Replies.response(
                    MODEL,
                    AiMessage.from(requests),
                    FinishReason.TOOL_EXECUTION,
                    input(),
                    Replies.tokens(written.toString()));
        }

        private String finalText(FailureMode failure) {
            if (failure == null) {
                return instance.expected();
            }
            return switch (failure) {
                case REFUSAL -> Phrases.refusal(style);
                case FORMAT -> Phrases.prose(style);
                default -> env.wrongAnswer(instance, Draws.seed(world.seed(), "wrong", episodeId));
            };
        }

        private ChatResponse answer(String text) {
            return Replies.response(MODEL, AiMessage.from(text), FinishReason.STOP, input(), Replies.tokens(text));
        }

        private ChatResponse truncated() {
            Integer limit = request.maxOutputTokens();
            int tokens = limit == null ? DEFAULT_LENGTH_LIMIT : limit;
            String text = Phrases.unfinished(style, tokens * Replies.CHARS_PER_TOKEN);
            return Replies.response(MODEL, AiMessage.from(text), FinishReason.LENGTH, input(), tokens);
        }

        private ChatResponse misuse() {
            if (style.nextBoolean()) {
                String name = tools.stream().anyMatch(t -> t.name().equals("calculator")) ? "calc" : "calculator";
                return toolCall(name, arguments(tools.get(0), instance.expected()));
            }
            return toolCall(
                    tools.get(0).name(), "{\"value\": " + instance.expected().length());
        }

        private ChatResponse toolCall(String name, String arguments) {
            ToolExecutionRequest call = ToolExecutionRequest.builder()
                    .id("call_" + number)
                    .name(name)
                    .arguments(arguments)
                    .build();
            int output = Replies.tokens(name + arguments);
            return Replies.response(MODEL, AiMessage.from(call), FinishReason.TOOL_EXECUTION, input(), output);
        }

        private int input() {
            return Replies.inputTokens(request);
        }
    }

    /** A plan's rounds, the ones past {@link #MAX_TOOL_REPLIES} merged into the last reply. */
    static List<List<ToolCall>> capped(ToolPlan plan) {
        List<List<ToolCall>> rounds = new ArrayList<>(plan.rounds());
        while (rounds.size() > MAX_TOOL_REPLIES) {
            List<ToolCall> merged = new ArrayList<>(rounds.remove(rounds.size() - 2));
            merged.addAll(rounds.remove(rounds.size() - 1));
            rounds.add(merged);
        }
        return rounds;
    }

    /** Arguments as a JSON object in their declared order. */
    private static String json(Map<String, Object> arguments) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        arguments.forEach((name, value) -> {
            if (value instanceof Long n) {
                node.put(name, n);
            } else {
                node.put(name, (String) value);
            }
        });
        return Json.write(node);
    }

    /** Well-formed arguments: the tool's first declared property (or {@code input}) set to {@code value}. */
    private static String arguments(ToolSpecification tool, String value) {
        String field = "input";
        if (tool.parameters() != null && !tool.parameters().properties().isEmpty()) {
            field = tool.parameters().properties().keySet().iterator().next();
        }
        return Json.write(JsonNodeFactory.instance.objectNode().put(field, value));
    }
}
