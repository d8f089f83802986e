package dev.ratchet.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A model that answers from a script and remembers every request it saw. */
final class ScriptedModel implements ChatModel {

    private final Function<ChatRequest, ChatResponse> script;
    final List<ChatRequest> requests = new ArrayList<>();

    ScriptedModel(Function<ChatRequest, ChatResponse> script) {
        this.script = script;
    }

    static ChatResponse reply(
            dev.langchain4j.data.message.AiMessage message, dev.langchain4j.model.output.FinishReason finish) {
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName("scripted")
                .finishReason(finish)
                .tokenUsage(new TokenUsage(10, 5))
                .build();
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        return script.apply(request);
    }
}
