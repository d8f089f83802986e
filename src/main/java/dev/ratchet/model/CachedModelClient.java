package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a request from the {@link ResponseCache} when an identical one was answered before, and
 * otherwise asks the wrapped client and caches its success. A cache hit is recorded honestly: one
 * attempt labelled {@code cache-hit}, no latency and no cost.
 */
public final class CachedModelClient implements ModelClient {

    public static final String CACHE_HIT = "cache-hit";

    private final ModelClient delegate;
    private final ResponseCache cache;
    private final ModelConfig config;

    public CachedModelClient(ModelClient delegate, ResponseCache cache, ModelConfig config) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ModelCall call(CallContext context, ChatRequest request) {
        JsonNode canonical = RequestCanon.canonical(config, request);
        String hash = RequestCanon.hash(canonical);
        Optional<ResponseCache.Entry> hit = cache.get(hash);
        if (hit.isPresent()) {
            ModelCallRecorded record = new ModelCallRecorded(
                    context.callId(),
                    context.role(),
                    config.model(),
                    hash,
                    canonical,
                    hit.get().response(),
                    hit.get().usage(),
                    0,
                    List.of(new ModelCallRecorded.Attempt(1, CACHE_HIT, null, null, 0)),
                    null,
                    0.0);
            return new ModelCall(ResponseCodec.decode(hit.get().response()), record);
        }
        ModelCall call = delegate.call(context, request);
        if (call.succeeded() && hash.equals(call.record().requestHash())) {
            cache.put(hash, call.record().response());
        }
        return call;
    }
}
