package dev.ratchet.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable text of a recorded model call. The request is read tolerantly (a
 * {@code messages} array whose entries carry a role or type and a text, content or contents), so
 * that a change in the recorder's request shape degrades to showing the JSON, never to an error.
 */
public final class CallText {

    private CallText() {}

    /** One message of a request. */
    public record Message(String role, String text) {}

    public static List<Message> messages(JsonNode request) {
        JsonNode messages = request == null ? null : request.findValue("messages");
        List<Message> out = new ArrayList<>();
        if (messages == null || !messages.isArray()) {
            if (request != null && !request.isNull()) {
                out.add(new Message("request", request.toString()));
            }
            return out;
        }
        for (JsonNode m : messages) {
            out.add(new Message(role(m), text(m)));
        }
        return out;
    }

    /** The last user message: the task, as the agent saw it. */
    public static String userText(JsonNode request) {
        List<Message> messages = messages(request);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).text();
    }

    /** The answer text, or null when the call failed or answered with tool calls only. */
    public static String responseText(JsonNode response) {
        if (response == null || response.isNull()) {
            return null;
        }
        JsonNode text = response.get("text");
        return text == null || text.isNull() ? null : text.asText();
    }

    /** Each tool call as {@code name(arguments)}. */
    public static List<String> toolCalls(JsonNode response) {
        List<String> out = new ArrayList<>();
        JsonNode calls = response == null ? null : response.get("toolCalls");
        if (calls != null && calls.isArray()) {
            for (JsonNode c : calls) {
                out.add(c.path("name").asText("?") + "(" + c.path("arguments").asText("") + ")");
            }
        }
        return out;
    }

    private static String role(JsonNode m) {
        String role = m.has("role") ? m.get("role").asText() : m.path("type").asText("message");
        role = role.toLowerCase(Locale.ROOT);
        return role.equals("ai") ? "assistant" : role.replace("_message", "");
    }

    private static String text(JsonNode m) {
        for (String field : List.of("text", "content")) {
            JsonNode v = m.get(field);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        JsonNode contents = m.has("contents") ? m.get("contents") : m.get("content");
        if (contents != null && contents.isArray()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<JsonNode> it = contents.elements(); it.hasNext(); ) {
                JsonNode part = it.next();
                parts.add(part.isTextual() ? part.asText() : part.path("text").asText(part.toString()));
            }
            return String.join("\n", parts);
        }
        return m.toString();
    }
}
