package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ChatResponse} as recorded JSON and back: {@code {"text", "toolCalls": [{"id", "name",
 * "arguments"}], "finishReason": "stop"|"length"|"tool"|"content-filter"|"other", "usage":
 * {"inputTokens", "outputTokens"}}}. Whatever the provider's response carried beyond that is
 * dropped on purpose: the harness hands callers the decoded form, so a live run and its replay see
 * exactly the same response.
 */
public final class ResponseCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponseCodec() {}

    public static JsonNode encode(ChatResponse response) {
        ObjectNode node = NODES.objectNode();
        AiMessage ai = response.aiMessage();
        if (ai != null && ai.text() != null) {
            node.put("text", ai.text());
        }
        node.set(
                "toolCalls",
                ai != null && ai.hasToolExecutionRequests()
                        ? RequestCanon.toolCalls(ai.toolExecutionRequests())
                        : NODES.arrayNode());
        node.put("finishReason", finishReason(response.finishReason()));
        TokenUsage usage = response.tokenUsage();
        ObjectNode u = node.putObject("usage");
        u.put("inputTokens", usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount());
        u.put("outputTokens", usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        return Json.frozen(node);
    }

    public static ChatResponse decode(JsonNode json) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : json.path("toolCalls")) {
            calls.add(ToolExecutionRequest.builder()
                    .id(call.hasNonNull("id") ? call.get("id").asText() : null)
                    .name(call.path("name").asText())
                    .arguments(call.path("arguments").asText())
                    .build());
        }
        String text = json.hasNonNull("text") ? json.get("text").asText() : null;
        AiMessage.Builder ai = AiMessage.builder().text(text);
        if (!calls.isEmpty()) {
            ai.toolExecutionRequests(calls);
        }
        ModelCallRecorded.Usage usage = usage(json);
        return ChatResponse.builder()
                .aiMessage(ai.build())
                .finishReason(finishReason(json.path("finishReason").asText("other")))
                .tokenUsage(new TokenUsage((int) usage.inputTokens(), (int) usage.outputTokens()))
                .build();
    }

    public static ModelCallRecorded.Usage usage(JsonNode json) {
        JsonNode u = json.path("usage");
        return new ModelCallRecorded.Usage(
                u.path("inputTokens").asLong(0), u.path("outputTokens").asLong(0));
    }

    static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "other";
        }
        switch (reason) {
            case STOP:
                return "stop";
            case LENGTH:
                return "length";
            case TOOL_EXECUTION:
                return "tool";
            case CONTENT_FILTER:
                return "content-filter";
            default:
                return "other";
        }
    }

    static FinishReason finishReason(String label) {
        switch (label) {
            case "stop":
                return FinishReason.STOP;
            case "length":
                return FinishReason.LENGTH;
            case "tool":
                return FinishReason.TOOL_EXECUTION;
            case "content-filter":
                return FinishReason.CONTENT_FILTER;
            default:
                return FinishReason.OTHER;
        }
    }

    /** Masks secrets in the text and tool arguments of a recorded response. */
    static JsonNode redact(JsonNode json, Redactor redactor) {
        if (redactor.isEmpty() || !redactor.containsSecret(Json.write(json))) {
            return json;
        }
        ObjectNode copy = (ObjectNode) json.deepCopy();
        if (copy.hasNonNull("text")) {
            copy.put("text", redactor.redact(copy.get("text").asText()));
        }
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode call : copy.path("toolCalls")) {
            ObjectNode c = (ObjectNode) call.deepCopy();
            c.put("arguments", redactor.redact(c.path("arguments").asText()));
            c.put("name", redactor.redact(c.path("name").asText()));
            calls.add(c);
        }
        copy.set("toolCalls", calls);
        return Json.frozen(copy);
    }
}
