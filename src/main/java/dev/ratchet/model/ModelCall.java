package dev.ratchet.model;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.Objects;

/**
 * A finished model call: the response ({@code null} when every attempt failed) and the event that
 * records it. {@code errorClass} on the record says why a call failed: retryable failures that
 * exhausted their attempts are infrastructure, never the agent's fault. {@code failure} is the last
 * attempt's failure, with its status and a redacted excerpt of what the provider said, for messages;
 * the record keeps no body, and a replayed call has none.
 */
public record ModelCall(ChatResponse response, ModelCallRecorded record, Failure failure) {

    public ModelCall {
        Objects.requireNonNull(record, "record");
    }

    public ModelCall(ChatResponse response, ModelCallRecorded record) {
        this(response, record, null);
    }

    public boolean succeeded() {
        return response != null;
    }
}
