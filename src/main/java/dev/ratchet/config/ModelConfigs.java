package dev.ratchet.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.config.ModelConfig.Provider;
import dev.ratchet.text.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The named models of one file ({@code config/models.yaml}): a campaign names one for the agent and
 * one for the proposer. Loading is strict: an unknown or ill-typed key is an error naming the file,
 * the line and the key, so a typo never silently falls back to a default.
 */
public record ModelConfigs(String source, SortedMap<String, ModelConfig> models) {

    private static final String KEY_HINT =
            "; API keys are read from the environment variable named by api_key_env, never from the file";

    public ModelConfigs {
        Objects.requireNonNull(source, "source");
        models = Collections.unmodifiableSortedMap(new TreeMap<>(models));
    }

    public static ModelConfigs load(Path file) {
        String text;
        try {
            text = StrictUtf8.read(file);
        } catch (NoSuchFileException e) {
            throw new ModelConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(text, file.toString());
    }

    /** Parses YAML {@code text}; {@code source} names it in error messages. */
    public static ModelConfigs parse(String text, String source) {
        YamlDocument doc = YamlDocument.parse(text, source);
        YamlMapping top = new YamlMapping(doc, "", doc.root());
        YamlMapping models = top.mapping("models");
        top.done("");
        if (models == null) {
            throw doc.error("", "a top-level 'models' mapping of named models is required");
        }
        SortedMap<String, ModelConfig> byName = new TreeMap<>();
        for (String name : models.keys()) {
            byName.put(name, model(name, models.mapping(name)));
        }
        if (byName.isEmpty()) {
            throw doc.error("models", "no models are defined");
        }
        return new ModelConfigs(source, byName);
    }

    /** The model called {@code name}, or an error listing the names this file defines. */
    public ModelConfig get(String name) {
        ModelConfig config = models.get(name);
        if (config == null) {
            throw new ModelConfigException(
                    source + ": no model named '" + name + "' (defined: " + String.join(", ", names()) + ")");
        }
        return config;
    }

    public List<String> names() {
        return new ArrayList<>(models.keySet());
    }

    private static ModelConfig model(String name, YamlMapping m) {
        String providerId = m.string("provider", null);
        if (providerId == null) {
            throw m.error(null, "provider is required (one of " + providerIds() + ")");
        }
        Provider provider = Provider.byId(providerId)
                .orElseThrow(() ->
                        m.error("provider", "unknown provider \"" + providerId + "\" (one of " + providerIds() + ")"));
        ModelConfig.Builder b = ModelConfig.builder(name, provider);
        readCommon(m, b, provider);
        YamlMapping retry = m.mapping("retry");
        YamlMapping rate = m.mapping("rate_limit");
        YamlMapping breaker = m.mapping("breaker");
        YamlMapping price = m.mapping("price");
        YamlMapping proposer = m.mapping("proposer");
        JsonNode options = m.raw("options");
        b.cache(m.bool("cache", false));
        m.done(KEY_HINT);
        faultRate(m, provider, options);
        try {
            b.retry(retry == null ? RetrySettings.DEFAULTS : retry(retry));
            b.rateLimit(rate == null ? RateLimitSettings.NONE : rateLimit(rate));
            b.breaker(breaker == null ? BreakerSettings.DEFAULTS : breaker(breaker));
            b.price(price == null ? PriceTable.FREE : price(price));
            b.options(options);
            b.proposer(proposer == null ? null : proposer(proposer, provider, m.integer("max_tokens", 1024)));
            return b.build();
        } catch (ModelConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw m.error(null, e.getMessage());
        }
    }

    /** The simulator's {@code options.fault_rate}, checked here so a bad value fails before anything runs. */
    private static void faultRate(YamlMapping m, Provider provider, JsonNode options) {
        JsonNode rate = options == null ? null : options.get("fault_rate");
        if (rate == null || rate.isNull()) {
            return;
        }
        if (provider != Provider.SIMULATED) {
            throw m.error("options.fault_rate", "only the simulated provider injects faults");
        }
        if (!rate.isNumber() || !(rate.asDouble() >= 0 && rate.asDouble() < 1)) {
            throw m.error("options.fault_rate", "expected a number within [0, 1), got " + rate);
        }
    }

    private static void readCommon(YamlMapping m, ModelConfig.Builder b, Provider provider) {
        String model = m.string("model", null);
        if (model != null) {
            b.model(model);
        } else if (provider.remote()) {
            throw m.error(null, "model is required for provider " + provider.id() + " (the provider's model name)");
        }
        onlyFor(m, "base_url", provider.remote(), "openai, anthropic and ollama");
        b.baseUrl(m.string("base_url", provider.defaultBaseUrl()));
        onlyFor(
                m,
                "api_key_env",
                provider == Provider.OPENAI || provider == Provider.ANTHROPIC,
                "openai and anthropic");
        b.apiKeyEnv(m.secretSafeString("api_key_env"));
        if (provider == Provider.ANTHROPIC && !m.has("api_key_env")) {
            throw m.error(null, "api_key_env is required for provider anthropic");
        }
        onlyFor(m, "path", provider == Provider.GGUF, "gguf");
        String path = m.string("path", null);
        if (provider == Provider.GGUF) {
            if (path == null) {
                throw m.error(null, "path (the .gguf model file) is required for provider gguf");
            }
            b.path(path);
            if (model == null) {
                b.model(Path.of(path).getFileName().toString());
            }
        }
        b.temperature(check(m, "temperature", m.decimal("temperature", 0.0), 0.0, 2.0));
        b.maxTokens(m.integer("max_tokens", 1024));
        b.seed(m.integer("seed", 0));
        b.timeout(m.seconds("timeout_seconds", java.time.Duration.ofSeconds(120)));
        b.maxConcurrentCalls(m.integer("max_concurrent_calls", 8));
    }

    private static RetrySettings retry(YamlMapping m) {
        RetrySettings d = RetrySettings.DEFAULTS;
        RetrySettings r = new RetrySettings(
                m.integer("max_attempts", d.maxAttempts()),
                m.seconds("initial_backoff_seconds", d.initialBackoff()),
                m.seconds("max_backoff_seconds", d.maxBackoff()),
                m.decimal("multiplier", d.multiplier()),
                m.decimal("jitter", d.jitter()),
                m.seconds("max_retry_after_seconds", d.maxRetryAfter()));
        m.done("");
        return r;
    }

    private static RateLimitSettings rateLimit(YamlMapping m) {
        RateLimitSettings r =
                new RateLimitSettings(m.integer("requests_per_minute", 0), m.integer("tokens_per_minute", 0));
        m.done("");
        return r;
    }

    private static BreakerSettings breaker(YamlMapping m) {
        BreakerSettings d = BreakerSettings.DEFAULTS;
        BreakerSettings r = new BreakerSettings(
                m.decimal("failure_rate_percent", d.failureRatePercent()),
                m.integer("window_calls", d.windowCalls()),
                m.integer("minimum_calls", d.minimumCalls()),
                m.seconds("open_seconds", d.openDuration()),
                m.seconds("max_outage_seconds", d.maxOutage()));
        m.done("");
        return r;
    }

    /** {@code proposer: {max_tokens, structured_output}}; what is left out takes the provider's defaults. */
    private static ProposerSettings proposer(YamlMapping m, Provider provider, int modelMaxTokens) {
        ProposerSettings d = ProposerSettings.defaults(provider, modelMaxTokens);
        int maxTokens = m.integer("max_tokens", d.maxTokens());
        boolean structured = m.bool("structured_output", d.structuredOutput());
        if (structured && !provider.structuredOutput()) {
            throw m.error(
                    "structured_output",
                    "provider " + provider.id() + " has no structured output"
                            + " (it applies to openai, anthropic and ollama); the prompt describes the JSON instead");
        }
        m.done("");
        return new ProposerSettings(maxTokens, structured);
    }

    private static PriceTable price(YamlMapping m) {
        PriceTable r = new PriceTable(m.decimal("input_per_million", 0.0), m.decimal("output_per_million", 0.0));
        m.done("");
        return r;
    }

    private static void onlyFor(YamlMapping m, String key, boolean allowed, String providers) {
        if (!allowed && m.has(key)) {
            throw m.error(key, "only applies to provider " + providers);
        }
    }

    private static double check(YamlMapping m, String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw m.error(key, "must be within [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    private static String providerIds() {
        List<String> ids = new ArrayList<>();
        for (Provider p : Provider.values()) {
            ids.add(p.id());
        }
        return String.join(", ", ids);
    }
}
