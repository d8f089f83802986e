package dev.ratchet.campaign;

import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.Objects;

/**
 * One proposer call for the shell to make: {@code callId} (e.g. {@code i3/propose/c2/a1}, the
 * second attempt ending in {@code a2}) is the id its {@code ModelCallRecorded} must carry, with
 * role "proposer".
 */
public record ProposerCall(String callId, String cluster, ChatRequest request) {

    public ProposerCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(request, "request");
    }
}
