package dev.ratchet.model.simulated;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/** Building blocks shared by the simulated agent and proposer: message text and token counts. */
final class Replies {

    /** Roughly what tokenizers average on English text and code. */
    static final int CHARS_PER_TOKEN = 4;

    private Replies() {}

    static String text(ChatMessage message) {
        if (message instanceof SystemMessage m) {
            return m.text();
        }
        if (message instanceof UserMessage m) {
            return m.hasSingleText() ? m.singleText() : "";
        }
        if (message instanceof AiMessage m) {
            StringBuilder text = new StringBuilder(m.text() == null ? "" : m.text());
            m.toolExecutionRequests().forEach(t -> text.append(t.name()).append(t.arguments()));
            return text.toString();
        }
        if (message instanceof ToolExecutionResultMessage m) {
            return m.text() == null ? "" : m.text();
        }
        return "";
    }

    static String firstSystem(List<ChatMessage> messages) {
        return messages.stream()
                .filter(SystemMessage.class::isInstance)
                .map(Replies::text)
                .findFirst()
                .orElse("");
    }

    static String firstUser(List<ChatMessage> messages) {
        return messages.stream()
                .filter(UserMessage.class::isInstance)
                .map(Replies::text)
                .findFirst()
                .orElse("");
    }

    static int tokens(String text) {
        return tokens(text.length());
    }

    private static int tokens(int chars) {
        return Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    static int inputTokens(ChatRequest request) {
        int chars = 0;
        for (ChatMessage m : request.messages()) {
            chars += text(m).length() + CHARS_PER_TOKEN; // a few tokens of role framing per message
        }
        for (ToolSpecification t : tools(request)) {
            chars += t.name().length()
                    + (t.description() == null ? 0 : t.description().length());
        }
        return tokens(chars);
    }

    static List<ToolSpecification> tools(ChatRequest request) {
        return request.toolSpecifications() == null ? List.of() : request.toolSpecifications();
    }

    static ChatResponse response(String model, AiMessage message, FinishReason finish, int input, int output) {
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName(model)
                .finishReason(finish)
                .tokenUsage(new TokenUsage(input, output))
                .build();
    }
}
