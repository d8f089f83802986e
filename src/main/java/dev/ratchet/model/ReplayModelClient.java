package dev.ratchet.model;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model that answers only from the log: each call is looked up by its id, its request hash is
 * checked against the recorded one, and the recorded record is returned unchanged (same attempts,
 * same latency), so the replayed log is byte-identical. It never makes a network request. A call
 * that stopped the campaign (quota, rejected configuration) stops the replay the same way.
 */
public final class ReplayModelClient implements ModelClient {

    private final ModelConfig config;
    private final Map<String, ModelCallRecorded> byCallId;

    /** {@code config} is the model's configuration in the recorded run: its defaults enter the hash. */
    public ReplayModelClient(ModelConfig config, Collection<ModelCallRecorded> calls) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, ModelCallRecorded> index = new HashMap<>();
        for (ModelCallRecorded call : calls) {
            if (index.putIfAbsent(call.callId(), call) != null) {
                throw new IllegalArgumentException("the log records model call " + call.callId() + " twice");
            }
        }
        this.byCallId = Map.copyOf(index);
    }

    @Override
    public ModelCall call(CallContext context, ChatRequest request) {
        String actual = RequestCanon.hash(config, request);
        ModelCallRecorded recorded = byCallId.get(context.callId());
        if (recorded == null) {
            throw new ReplayDivergence(context.callId(), null, actual);
        }
        if (!recorded.requestHash().equals(actual)) {
            throw new ReplayDivergence(context.callId(), recorded.requestHash(), actual);
        }
        if (CallFailure.QUOTA.equals(recorded.errorClass())) {
            throw new QuotaExhaustedException(
                    "model call " + context.callId() + " stopped the recorded run: quota exhausted", recorded);
        }
        if (CallFailure.REJECTED.equals(recorded.errorClass())) {
            Integer status = recorded.attempts().isEmpty()
                    ? null
                    : recorded.attempts().get(recorded.attempts().size() - 1).httpStatus();
            throw new ProviderRejectedException(
                    "model call " + context.callId() + " stopped the recorded run: the provider rejected it",
                    status == null ? 0 : status,
                    recorded);
        }
        boolean answered = recorded.response() != null && !recorded.response().isNull();
        return new ModelCall(answered ? ResponseCodec.decode(recorded.response()) : null, recorded);
    }
}
