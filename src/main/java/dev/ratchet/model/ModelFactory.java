package dev.ratchet.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfig.Provider;
import dev.ratchet.config.ModelConfigException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds a LangChain4j {@link ChatModel} from a {@link ModelConfig}: OpenAI-compatible endpoints,
 * Anthropic and Ollama over HTTP, GGUF files in-process. Every provider's own retries are off
 * ({@code maxRetries(0)}: LangChain4j's {@code RetryUtils} then makes exactly one attempt), because
 * {@link ResilientModelClient} is the one retry layer. API keys are read here, and only here, from
 * the environment variable the config names, through the injected lookup.
 */
public final class ModelFactory {

    private final Function<String, String> env;
    private final Map<String, ChatModelProvider> providers;
    private final Consumer<String> notices;

    /**
     * @param env looks up environment variables ({@code System::getenv} in production)
     * @param providers chat models for {@code simulated} and {@code replay}, by provider id
     */
    public ModelFactory(Function<String, String> env, Map<String, ChatModelProvider> providers) {
        this(env, providers, notice -> {});
    }

    /** @param notices hears when calls wait for a provider that stopped answering, and when it answers again */
    public ModelFactory(
            Function<String, String> env, Map<String, ChatModelProvider> providers, Consumer<String> notices) {
        this.env = Objects.requireNonNull(env, "env");
        this.providers = Map.copyOf(providers);
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    public ChatModel chatModel(ModelConfig config) {
        switch (config.provider()) {
            case OPENAI:
                return openAi(config);
            case ANTHROPIC:
                return anthropic(config);
            case OLLAMA:
                return ollama(config);
            case GGUF:
                return GgufChatModel.load(config);
            default:
                return external(config);
        }
    }

    /** The full client for a model: its chat model behind the one retry layer. */
    public ResilientModelClient client(ModelConfig config, Clock clock, Sleeper sleeper) {
        return new ResilientModelClient(config, chatModel(config), clock, sleeper, redactor(config), notices);
    }

    /**
     * The full client for a model, behind the response cache when the model's {@code cache} setting
     * is on and a cache is given (a replay or a one-off check has none).
     */
    public ModelClient client(ModelConfig config, Clock clock, Sleeper sleeper, Optional<ResponseCache> cache) {
        ResilientModelClient live = client(config, clock, sleeper);
        return config.cache() && cache.isPresent() ? new CachedModelClient(live, cache.get(), config) : live;
    }

    /** Masks the model's API key, if it has one and it is set. */
    public Redactor redactor(ModelConfig config) {
        String key = config.apiKeyEnv() == null ? null : env.apply(config.apiKeyEnv());
        List<String> secrets = new ArrayList<>();
        if (key != null) {
            secrets.add(key);
        }
        return Redactor.of(secrets);
    }

    private ChatModel openAi(ModelConfig c) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(ProviderHttpClient.builder())
                .baseUrl(c.baseUrl())
                .apiKey(c.apiKeyEnv() == null ? null : key(c))
                .modelName(c.model())
                .temperature(c.temperature())
                .maxTokens(c.maxTokens())
                .seed(c.seed())
                .timeout(c.timeout())
                .maxRetries(0)
                .build();
    }

    private ChatModel anthropic(ModelConfig c) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(ProviderHttpClient.builder())
                .baseUrl(c.baseUrl())
                .apiKey(key(c))
                .modelName(c.model())
                .temperature(c.temperature())
                .maxTokens(c.maxTokens())
                .timeout(c.timeout())
                .maxRetries(0)
                .build();
    }

    private ChatModel ollama(ModelConfig c) {
        return OllamaChatModel.builder()
                .httpClientBuilder(ProviderHttpClient.builder())
                .baseUrl(c.baseUrl())
                .modelName(c.model())
                .temperature(c.temperature())
                .numPredict(c.maxTokens())
                .seed(c.seed())
                .timeout(c.timeout())
                .maxRetries(0)
                .build();
    }

    private ChatModel external(ModelConfig c) {
        ChatModelProvider provider = providers.get(c.provider().id());
        if (provider == null) {
            throw new ModelConfigException("model '" + c.name() + "': provider "
                    + c.provider().id() + " is not available here (available: " + available() + ")");
        }
        return provider.create(c);
    }

    private String available() {
        List<String> ids = new ArrayList<>();
        for (Provider p : Provider.values()) {
            if (p.remote() || p == Provider.GGUF || providers.containsKey(p.id())) {
                ids.add(p.id());
            }
        }
        return String.join(", ", ids);
    }

    private String key(ModelConfig c) {
        String name = c.apiKeyEnv();
        if (name == null) {
            throw new ModelConfigException("model '" + c.name() + "': api_key_env is required for provider "
                    + c.provider().id());
        }
        String key = env.apply(name);
        if (key == null || key.isBlank()) {
            throw new ModelConfigException("model '" + c.name() + "': environment variable " + name
                    + " (api_key_env) is not set; export the provider's API key under that name");
        }
        return key;
    }
}
