package dev.ratchet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.event.Json;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import dev.ratchet.model.simulated.SimulatedWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An OpenAI-compatible endpoint on loopback whose answers come from the simulator: a campaign runs
 * through the real HTTP path (LangChain4j's adapter, the retry layer, the cache) and gets the
 * simulator's known answers. Requests for the model {@link #PROPOSER} go to the simulated proposer,
 * the rest to the simulated agent.
 */
final class SimulatedEndpoint implements AutoCloseable {

    static final String AGENT = "loop-agent";
    static final String PROPOSER = "loop-proposer";

    private final LoopbackOpenAiServer server;
    private final AtomicReference<Function<LoopbackOpenAiServer.Request, Reply>> fault;

    private SimulatedEndpoint(
            LoopbackOpenAiServer server, AtomicReference<Function<LoopbackOpenAiServer.Request, Reply>> fault) {
        this.server = server;
        this.fault = fault;
    }

    /** From now on, requests {@code fault} answers (non-null) get its reply instead; null turns it off. */
    void failWith(Function<LoopbackOpenAiServer.Request, Reply> fault) {
        this.fault.set(fault);
    }

    /**
     * @param proposerLimit when positive, the proposer's answers stop after this many characters,
     *     with finish reason {@code length}, as a model's do at its output-token limit
     */
    static SimulatedEndpoint start(long seed, List<String> envIds, int proposerLimit) {
        SimulatedWorld world = new SimulatedWorld(
                seed,
                EnvironmentCatalog.builtIn()::resolve,
                SimulatedWorld.Settings.defaults().withEnvIds(envIds));
        AtomicReference<Function<LoopbackOpenAiServer.Request, Reply>> fault = new AtomicReference<>();
        return new SimulatedEndpoint(
                LoopbackOpenAiServer.start(
                        r -> {
                            Function<LoopbackOpenAiServer.Request, Reply> f = fault.get();
                            Reply failed = f == null ? null : f.apply(r);
                            if (failed != null) {
                                return failed;
                            }
                            boolean proposer =
                                    PROPOSER.equals(r.body().path("model").asText());
                            ChatResponse answer = (proposer ? world.proposer() : world.agent()).chat(request(r.body()));
                            String text = answer.aiMessage().text();
                            boolean cut = proposer && proposerLimit > 0 && text.length() > proposerLimit;
                            Reply reply = Reply.completion(
                                    cut ? text.substring(0, proposerLimit) : text,
                                    answer.tokenUsage().inputTokenCount(),
                                    answer.tokenUsage().outputTokenCount());
                            return cut ? lengthLimited(reply) : reply;
                        },
                        8),
                fault);
    }

    private static Reply lengthLimited(Reply reply) {
        ObjectNode body = (ObjectNode) Json.parse(reply.body());
        ((ObjectNode) body.path("choices").get(0)).put("finish_reason", "length");
        return new Reply(reply.status(), reply.headers(), Json.write(body), reply.delay(), false);
    }

    /** The messages of an OpenAI chat request, as the simulator reads them. */
    private static ChatRequest request(JsonNode body) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            String text = m.path("content").asText();
            switch (m.path("role").asText()) {
                case "system" -> messages.add(SystemMessage.from(text));
                case "assistant" -> messages.add(AiMessage.from(text));
                default -> messages.add(UserMessage.from(text));
            }
        }
        return ChatRequest.builder().messages(messages).build();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Requests that reached the endpoint so far. */
    int requests() {
        return server.requests();
    }

    /** A models file naming the agent and the proposer at this endpoint, both with {@code extra} settings. */
    String modelsYaml(String extra) {
        return "models:\n"
                + "  " + AGENT + ": {provider: openai, base_url: " + baseUrl() + ", model: " + AGENT + ", seed: 7"
                + extra + "}\n"
                + "  " + PROPOSER + ": {provider: openai, base_url: " + baseUrl() + ", model: " + PROPOSER
                + ", seed: 7" + extra + "}\n";
    }

    @Override
    public void close() {
        server.close();
    }
}
