package dev.ratchet.model;

import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The one way the harness talks to a model. Every implementation returns the call's full record
 * (attempts, usage, latency, the canonical request and its hash), whether the call succeeded or
 * not, so that the caller can append it to the log and replay can answer from it later.
 */
public interface ModelClient {

    ModelCall call(CallContext context, ChatRequest request);
}
