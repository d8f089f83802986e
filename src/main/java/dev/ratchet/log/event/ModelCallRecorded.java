package dev.ratchet.log.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One model call with everything replay needs: the canonical request and its hash, the response (null
 * on failure), usage, latency, cost and every attempt. {@code cachedFrom} is set when the response
 * came from the response cache rather than the provider: it names the call that paid for it.
 */
public record ModelCallRecorded(
        String callId,
        String role,
        String model,
        String requestHash,
        JsonNode request,
        JsonNode response,
        Usage usage,
        long latencyMillis,
        List<Attempt> attempts,
        String errorClass,
        double costUsd,
        CachedFrom cachedFrom)
        implements Event {

    /** A call the provider answered. */
    public ModelCallRecorded(
            String callId,
            String role,
            String model,
            String requestHash,
            JsonNode request,
            JsonNode response,
            Usage usage,
            long latencyMillis,
            List<Attempt> attempts,
            String errorClass,
            double costUsd) {
        this(
                callId,
                role,
                model,
                requestHash,
                request,
                response,
                usage,
                latencyMillis,
                attempts,
                errorClass,
                costUsd,
                null);
    }

    public ModelCallRecorded {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestHash, "requestHash");
        request = Json.frozen(request);
        response = response == null ? null : Json.frozen(response);
        Objects.requireNonNull(usage, "usage");
        attempts = List.copyOf(attempts);
    }

    /** Where a cached response came from: the campaign and call that paid {@code costUsd} for it. */
    public record CachedFrom(String campaign, String callId, double costUsd) {
        public CachedFrom {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(callId, "callId");
        }
    }

    /** Tokens in and out, as reported by the provider. */
    public record Usage(long inputTokens, long outputTokens) {
        public long total() {
            return inputTokens + outputTokens;
        }
    }

    /** One try at the provider: {@code result} is ok or an error label; {@code waitedMillis} is the backoff before it. */
    public record Attempt(int number, String result, Integer httpStatus, String errorClass, long waitedMillis) {
        public Attempt {
            Objects.requireNonNull(result, "result");
        }
    }
}
