package dev.ratchet.config;

/**
 * Client-side limits so a campaign stays under the provider's own: requests and tokens per minute
 * (0: no limit). Tokens are estimated before the call as the prompt's characters / 4 plus the
 * response's {@code max_tokens}, which is how hosted APIs count a request against their limit.
 */
public record RateLimitSettings(int requestsPerMinute, int tokensPerMinute) {

    public static final RateLimitSettings NONE = new RateLimitSettings(0, 0);

    public RateLimitSettings {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("rate_limit.requests_per_minute must not be negative");
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate_limit.tokens_per_minute must not be negative");
        }
    }
}
