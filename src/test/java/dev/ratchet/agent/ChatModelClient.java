package dev.ratchet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A plain {@link ModelClient} over a {@link ChatModel} for tests: no retries, zero latency, a
 * canonical request and the shared response shape; calls whose id {@code failing} accepts fail as
 * a provider outage would after its retries.
 */
final class ChatModelClient implements ModelClient {

    static final double USD_PER_TOKEN = 0.000002;

    private final ChatModel model;
    private final Predicate<String> failing;

    ChatModelClient(ChatModel model) {
        this(model, id -> false);
    }

    ChatModelClient(ChatModel model, Predicate<String> failing) {
        this.model = model;
        this.failing = failing;
    }

    @Override
    public ModelCall call(CallContext context, ChatRequest request) {
        JsonNode canonical = request(request);
        String hash = sha256(Json.write(canonical));
        if (failing.test(context.callId())) {
            List<ModelCallRecorded.Attempt> attempts = List.of(
                    new ModelCallRecorded.Attempt(1, "error", 503, "http-503", 0),
                    new ModelCallRecorded.Attempt(2, "error", 503, "http-503", 100));
            ModelCallRecorded record = new ModelCallRecorded(
                    context.callId(),
                    context.role(),
                    "test-model",
                    hash,
                    canonical,
                    null,
                    new ModelCallRecorded.Usage(0, 0),
                    0,
                    attempts,
                    "provider-unavailable",
                    0);
            return new ModelCall(null, record);
        }
        ChatResponse response = model.chat(request);
        long in = response.tokenUsage().inputTokenCount();
        long out = response.tokenUsage().outputTokenCount();
        ModelCallRecorded record = new ModelCallRecorded(
                context.callId(),
                context.role(),
                response.modelName(),
                hash,
                canonical,
                response(response),
                new ModelCallRecorded.Usage(in, out),
                0,
                List.of(new ModelCallRecorded.Attempt(1, "ok", 200, null, 0)),
                null,
                (in + out) * USD_PER_TOKEN);
        return new ModelCall(response, record);
    }

    private static JsonNode request(ChatRequest request) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = node.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject()
                    .put("role", m.type().name().toLowerCase(Locale.ROOT))
                    .put("text", text(m));
        }
        ArrayNode tools = node.putArray("tools");
        if (request.toolSpecifications() != null) {
            request.toolSpecifications().forEach(t -> tools.add(t.name()));
        }
        return node;
    }

    private static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.singleText();
        }
        if (m instanceof ToolExecutionResultMessage t) {
            return t.text();
        }
        AiMessage ai = (AiMessage) m;
        StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
        ai.toolExecutionRequests().forEach(t -> text.append(t.name()).append(t.arguments()));
        return text.toString();
    }

    private static JsonNode response(ChatResponse response) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        AiMessage ai = response.aiMessage();
        if (ai.text() != null) {
            node.put("text", ai.text());
        }
        ArrayNode calls = node.putArray("toolCalls");
        for (ToolExecutionRequest t : ai.toolExecutionRequests()) {
            calls.addObject().put("id", t.id()).put("name", t.name()).put("arguments", t.arguments());
        }
        node.put("finishReason", EpisodeRunner.finishLabel(response.finishReason()));
        node.putObject("usage")
                .put("inputTokens", response.tokenUsage().inputTokenCount())
                .put("outputTokens", response.tokenUsage().outputTokenCount());
        return node;
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
