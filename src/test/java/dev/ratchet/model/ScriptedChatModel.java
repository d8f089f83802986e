package dev.ratchet.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A fake model: answers (or throws) as a function of the request, and remembers every request. */
final class ScriptedChatModel implements ChatModel {

    private final Function<ChatRequest, String> answer;
    private final List<ChatRequest> requests = new ArrayList<>();

    ScriptedChatModel(Function<ChatRequest, String> answer) {
        this.answer = answer;
    }

    static ScriptedChatModel answering(String text) {
        return new ScriptedChatModel(r -> text);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        synchronized (this) {
            requests.add(request);
        }
        String text = answer.apply(request);
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .tokenUsage(new TokenUsage(10, 2))
                .finishReason(FinishReason.STOP)
                .build();
    }

    synchronized int calls() {
        return requests.size();
    }
}
