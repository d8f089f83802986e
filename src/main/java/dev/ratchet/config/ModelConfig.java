package dev.ratchet.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ratchet.log.event.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One named model: which provider serves it, the sampling parameters every call starts from, and
 * how the one retry layer treats it. An API key is never held here: {@code apiKeyEnv} names the
 * environment variable it is read from when the model is built, so this record (and its {@code
 * toString}) is safe to print and log.
 *
 * <p>{@code options} holds provider-specific settings the provider validates itself (for gguf:
 * {@code context_size}, {@code threads}, {@code gpu_layers}; for the simulator: its own knobs).
 * {@code proposer} says how the model answers as a campaign's proposer; {@code cache} whether its
 * successful answers are kept on disk, by request hash, for a rerun to reuse.
 */
public record ModelConfig(
        String name,
        Provider provider,
        String model,
        String baseUrl,
        String apiKeyEnv,
        String path,
        double temperature,
        int maxTokens,
        int seed,
        Duration timeout,
        RetrySettings retry,
        RateLimitSettings rateLimit,
        int maxConcurrentCalls,
        BreakerSettings breaker,
        PriceTable price,
        JsonNode options,
        ProposerSettings proposer,
        boolean cache) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ModelConfig {
        requireText("name", name);
        Objects.requireNonNull(provider, "provider");
        requireText("model", model);
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            // The value is not echoed: a pasted key is the usual cause.
            throw new IllegalArgumentException("api_key_env must be the NAME of an environment variable"
                    + " (letters, digits, underscore), not a key");
        }
        if (!(temperature >= 0.0 && temperature <= 2.0)) {
            throw new IllegalArgumentException("temperature must be within [0, 2]: " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1: " + maxTokens);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must not be negative: " + seed);
        }
        RetrySettings.positive("timeout_seconds", timeout);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("max_concurrent_calls must be at least 1: " + maxConcurrentCalls);
        }
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(price, "price");
        options = options == null || options.isNull() ? JsonNodeFactory.instance.objectNode() : Json.frozen(options);
        if (!options.isObject()) {
            throw new IllegalArgumentException("options must be a mapping");
        }
        Objects.requireNonNull(proposer, "proposer");
        if (proposer.structuredOutput() && !provider.structuredOutput()) {
            throw new IllegalArgumentException("proposer.structured_output: provider " + provider.id()
                    + " has none (it applies to openai, anthropic and ollama)");
        }
    }

    public static Builder builder(String name, Provider provider) {
        return new Builder(name, provider);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
    }

    /** The providers a model can come from; {@code id()} is the name used in YAML. */
    public enum Provider {
        OPENAI,
        ANTHROPIC,
        OLLAMA,
        GGUF,
        SIMULATED,
        REPLAY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Provider> byId(String id) {
            for (Provider p : values()) {
                if (p.id().equals(id)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** Whether the provider is reached over HTTP (and so has a base URL and timeouts that matter). */
        public boolean remote() {
            return this == OPENAI || this == ANTHROPIC || this == OLLAMA;
        }

        /** Whether the provider can hold an answer to a JSON schema (a response format or a forced tool call). */
        public boolean structuredOutput() {
            return remote();
        }

        /** The base URL used when the config names none. */
        public String defaultBaseUrl() {
            switch (this) {
                case OPENAI:
                    return "https://api.openai.com/v1";
                case ANTHROPIC:
                    return "https://api.anthropic.com/v1";
                case OLLAMA:
                    return "http://localhost:11434";
                default:
                    return null;
            }
        }
    }

    /** Fills in defaults for whatever a config file leaves out. */
    public static final class Builder {
        private final String name;
        private final Provider provider;
        private String model;
        private String baseUrl;
        private String apiKeyEnv;
        private String path;
        private double temperature = 0.0;
        private int maxTokens = 1024;
        private int seed = 0;
        private Duration timeout = Duration.ofSeconds(120);
        private RetrySettings retry = RetrySettings.DEFAULTS;
        private RateLimitSettings rateLimit = RateLimitSettings.NONE;
        private int maxConcurrentCalls = 8;
        private BreakerSettings breaker = BreakerSettings.DEFAULTS;
        private PriceTable price = PriceTable.FREE;
        private JsonNode options;
        private ProposerSettings proposer;
        private boolean cache;

        private Builder(String name, Provider provider) {
            this.name = name;
            this.provider = Objects.requireNonNull(provider, "provider");
            this.baseUrl = provider.defaultBaseUrl();
            this.model = provider.remote() ? null : provider.id();
        }

        private Builder(ModelConfig c) {
            this(c.name, c.provider);
            model = c.model;
            baseUrl = c.baseUrl;
            apiKeyEnv = c.apiKeyEnv;
            path = c.path;
            temperature = c.temperature;
            maxTokens = c.maxTokens;
            seed = c.seed;
            timeout = c.timeout;
            retry = c.retry;
            rateLimit = c.rateLimit;
            maxConcurrentCalls = c.maxConcurrentCalls;
            breaker = c.breaker;
            price = c.price;
            options = c.options;
            proposer = c.proposer;
            cache = c.cache;
        }

        public Builder model(String v) {
            model = v;
            return this;
        }

        public Builder baseUrl(String v) {
            baseUrl = v;
            return this;
        }

        public Builder apiKeyEnv(String v) {
            apiKeyEnv = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public Builder temperature(double v) {
            temperature = v;
            return this;
        }

        public Builder maxTokens(int v) {
            maxTokens = v;
            return this;
        }

        public Builder seed(int v) {
            seed = v;
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public Builder retry(RetrySettings v) {
            retry = v;
            return this;
        }

        public Builder rateLimit(RateLimitSettings v) {
            rateLimit = v;
            return this;
        }

        public Builder maxConcurrentCalls(int v) {
            maxConcurrentCalls = v;
            return this;
        }

        public Builder breaker(BreakerSettings v) {
            breaker = v;
            return this;
        }

        public Builder price(PriceTable v) {
            price = v;
            return this;
        }

        public Builder options(JsonNode v) {
            options = v;
            return this;
        }

        /** Null: the defaults for the provider and this builder's max tokens. */
        public Builder proposer(ProposerSettings v) {
            proposer = v;
            return this;
        }

        public Builder cache(boolean v) {
            cache = v;
            return this;
        }

        public ModelConfig build() {
            return new ModelConfig(
                    name,
                    provider,
                    model,
                    baseUrl,
                    apiKeyEnv,
                    path,
                    temperature,
                    maxTokens,
                    seed,
                    timeout,
                    retry,
                    rateLimit,
                    maxConcurrentCalls,
                    breaker,
                    price,
                    options,
                    proposer != null ? proposer : ProposerSettings.defaults(provider, maxTokens),
                    cache);
        }
    }
}
