package dev.ratchet.model;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.Objects;

/**
 * A finished model call: the response ({@code null} when every attempt failed) and the event that
 * records it. {@code errorClass} on the record says why a call failed: retryable failures that
 * exhausted their attempts are infrastructure, never the agent's fault.
 */
public record ModelCall(ChatResponse response, ModelCallRecorded record) {

    public ModelCall {
        Objects.requireNonNull(record, "record");
    }

    public boolean succeeded() {
        return response != null;
    }
}
