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
 * attempt labelled {@code cache-hit}, no latency, no cost, the usage the response reported, and
 * {@code cachedFrom} naming the call that paid for it (and what it paid), so an audit can find the
 * original and replay, which answers from the log, reproduces the hit exactly.
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
            ResponseCache.Entry entry = hit.get();
            ModelCallRecorded record = new ModelCallRecorded(
                    context.callId(),
                    context.role(),
                    config.model(),
                    hash,
                    canonical,
                    entry.response(),
                    entry.usage(),
                    0,
                    List.of(new ModelCallRecorded.Attempt(1, CACHE_HIT, null, null, 0)),
                    null,
                    0.0,
                    entry.origin());
            return new ModelCall(ResponseCodec.decode(entry.response()), record);
        }
        ModelCall call = delegate.call(context, request);
        if (call.succeeded() && hash.equals(call.record().requestHash())) {
            cache.put(call.record());
        }
        return call;
    }
}
