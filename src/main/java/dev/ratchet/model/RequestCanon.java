package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The canonical form of a request, what its hash is taken over: the model name, the effective
 * parameters (the model's configured defaults overridden by the request's own), the messages and
 * the tools, as JSON with sorted keys. Two requests with equal canonical JSON are the same call,
 * which is what the response cache and strict replay rely on.
 */
public final class RequestCanon {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestCanon() {}

    public static JsonNode canonical(ModelConfig config, ChatRequest request) {
        ObjectNode root = NODES.objectNode();
        root.put("model", request.modelName() != null ? request.modelName() : config.model());
        root.set("parameters", parameters(config, request));
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.add(message(m));
        }
        ArrayNode tools = root.putArray("tools");
        List<ToolSpecification> specs = request.toolSpecifications();
        if (specs != null) {
            for (ToolSpecification spec : specs) {
                tools.add(tool(spec));
            }
        }
        return Json.frozen(root);
    }

    /** Hex SHA-256 of the canonical JSON's UTF-8 bytes. */
    public static String hash(JsonNode canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(Json.frozen(canonical)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public static String hash(ModelConfig config, ChatRequest request) {
        return hash(canonical(config, request));
    }

    private static ObjectNode parameters(ModelConfig config, ChatRequest r) {
        ObjectNode p = NODES.objectNode();
        p.put("temperature", r.temperature() != null ? r.temperature() : config.temperature());
        p.put("maxOutputTokens", r.maxOutputTokens() != null ? r.maxOutputTokens() : config.maxTokens());
        p.put("seed", config.seed());
        if (r.topP() != null) {
            p.put("topP", r.topP());
        }
        if (r.topK() != null) {
            p.put("topK", r.topK());
        }
        if (r.frequencyPenalty() != null) {
            p.put("frequencyPenalty", r.frequencyPenalty());
        }
        if (r.presencePenalty() != null) {
            p.put("presencePenalty", r.presencePenalty());
        }
        if (r.stopSequences() != null && !r.stopSequences().isEmpty()) {
            ArrayNode stops = p.putArray("stopSequences");
            r.stopSequences().forEach(stops::add);
        }
        if (r.toolChoice() != null) {
            p.put("toolChoice", r.toolChoice().name().toLowerCase(Locale.ROOT));
        }
        if (r.responseFormat() != null) {
            p.set("responseFormat", responseFormat(r.responseFormat()));
        }
        return p;
    }

    private static ObjectNode responseFormat(ResponseFormat f) {
        ObjectNode node = NODES.objectNode();
        node.put("type", f.type().name().toLowerCase(Locale.ROOT));
        if (f.jsonSchema() != null) {
            if (f.jsonSchema().name() != null) {
                node.put("name", f.jsonSchema().name());
            }
            node.set("schema", schema(f.jsonSchema().rootElement()));
        }
        return node;
    }

    /**
     * A JSON schema element as the providers send it. LangChain4j's own converter is internal API,
     * but it is the one its providers serialize with, so hashing its output hashes what is sent.
     */
    static JsonNode schema(dev.langchain4j.model.chat.request.json.JsonSchemaElement element) {
        return element == null ? NODES.nullNode() : Json.tree(JsonSchemaElementUtils.toMap(element));
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode node = NODES.objectNode();
        if (m instanceof SystemMessage) {
            node.put("role", "system");
            node.put("text", ((SystemMessage) m).text());
        } else if (m instanceof UserMessage) {
            UserMessage u = (UserMessage) m;
            node.put("role", "user");
            if (u.name() != null) {
                node.put("name", u.name());
            }
            if (u.hasSingleText()) {
                node.put("text", u.singleText());
            } else {
                ArrayNode contents = node.putArray("contents");
                u.contents().forEach(c -> contents.add(content(c)));
            }
        } else if (m instanceof AiMessage) {
            AiMessage a = (AiMessage) m;
            node.put("role", "ai");
            if (a.text() != null) {
                node.put("text", a.text());
            }
            if (a.hasToolExecutionRequests()) {
                node.set("toolCalls", toolCalls(a.toolExecutionRequests()));
            }
        } else if (m instanceof ToolExecutionResultMessage) {
            ToolExecutionResultMessage t = (ToolExecutionResultMessage) m;
            node.put("role", "tool");
            node.put("id", t.id());
            node.put("name", t.toolName());
            node.put("text", t.text());
        } else if (m instanceof CustomMessage) {
            node.put("role", "custom");
            node.set("attributes", Json.tree(((CustomMessage) m).attributes()));
        } else {
            throw new IllegalArgumentException("unsupported message type: " + m.type());
        }
        return node;
    }

    private static ObjectNode content(Content c) {
        ObjectNode node = NODES.objectNode();
        node.put("type", c.type().name().toLowerCase(Locale.ROOT));
        if (c instanceof TextContent) {
            node.put("text", ((TextContent) c).text());
        } else {
            node.put("value", String.valueOf(c));
        }
        return node;
    }

    static ArrayNode toolCalls(List<ToolExecutionRequest> calls) {
        ArrayNode array = NODES.arrayNode();
        for (ToolExecutionRequest call : calls) {
            ObjectNode node = array.addObject();
            if (call.id() != null) {
                node.put("id", call.id());
            }
            node.put("name", call.name());
            node.put("arguments", call.arguments());
        }
        return array;
    }

    private static ObjectNode tool(ToolSpecification spec) {
        ObjectNode node = NODES.objectNode();
        node.put("name", spec.name());
        if (spec.description() != null) {
            node.put("description", spec.description());
        }
        if (spec.parameters() != null) {
            node.set("parameters", schema(spec.parameters()));
        }
        return node;
    }
}
