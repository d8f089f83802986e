package dev.ratchet.log.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** One model call with everything replay needs: the canonical request and its hash, the response (null
 * on failure), usage, latency, cost and every attempt. */
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
        double costUsd)
        implements Event {

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
