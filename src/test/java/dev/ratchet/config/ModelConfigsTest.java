package dev.ratchet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConfigsTest {

    private static ModelConfigException error(String yaml) {
        return assertThrows(ModelConfigException.class, () -> ModelConfigs.parse(yaml, "models.yaml"));
    }

    private static void assertMessage(String expected, ModelConfigException e) {
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
    }

    @Test
    void theExampleFileLoadsEveryProvider() {
        ModelConfigs configs = ModelConfigs.load(Path.of("config/models.yaml"));
        assertEquals(
                List.of("claude", "gguf", "hosted", "local", "ollama", "simulated-agent", "simulated-proposer"),
                configs.names());
        ModelConfig hosted = configs.get("hosted");
        assertEquals(ModelConfig.Provider.OPENAI, hosted.provider());
        assertEquals("OPENAI_API_KEY", hosted.apiKeyEnv());
        assertEquals(new RateLimitSettings(500, 200_000), hosted.rateLimit());
        assertEquals(new PriceTable(0.15, 0.60), hosted.price());
        assertEquals(Duration.ofMinutes(10), hosted.retry().maxRetryAfter());
        assertEquals(16, hosted.maxConcurrentCalls());
        ModelConfig local = configs.get("local");
        assertNull(local.apiKeyEnv(), "a local endpoint needs no key");
        assertEquals(Duration.ofSeconds(300), local.timeout());
        assertEquals(RetrySettings.DEFAULTS, local.retry());
        assertEquals("https://api.anthropic.com/v1", configs.get("claude").baseUrl());
        assertEquals("qwen2.5-0.5b-instruct-q4_k_m.gguf", configs.get("gguf").model());
        assertEquals(
                "agent", configs.get("simulated-agent").options().path("role").asText());
        assertEquals("simulated", configs.get("simulated-agent").model());
    }

    @Test
    void anUnknownKeyNamesTheFileLineAndKey() {
        ModelConfigException e = error("models:\n  local:\n    provider: openai\n    model: m\n    temprature: 0.5\n");
        assertMessage("models.yaml:5: models.local.temprature: unknown key", e);
        assertMessage("temperature", e);
    }

    @Test
    void illTypedValuesAreErrorsNotCoercions() {
        assertMessage(
                "models.yaml:4: models.local.max_tokens: expected a whole number, got \"lots\"",
                error("models:\n  local:\n    provider: openai\n    max_tokens: lots\n    model: m\n"));
        assertMessage(
                "models.local.max_tokens: expected a whole number, got \"1.5\"",
                error("models:\n  local:\n    provider: openai\n    model: m\n    max_tokens: 1.5\n"));
        assertMessage(
                "models.local.temperature: expected a number, got \"0.2\"",
                error("models:\n  local:\n    provider: openai\n    model: m\n    temperature: \"0.2\"\n"));
        assertMessage(
                "models.local.retry.max_attempts: expected a whole number",
                error("models:\n  local:\n    provider: openai\n    model: m\n    retry: {max_attempts: many}\n"));
        assertMessage(
                "models.local.rate_limit.requests_per_minut: unknown key",
                error(
                        "models:\n  local:\n    provider: openai\n    model: m\n    rate_limit: {requests_per_minut: 3}\n"));
        assertMessage(
                "models.yaml:5: models.local.temperature: must be within",
                error("models:\n  local:\n    provider: openai\n    model: m\n    temperature: 3\n"));
    }

    @Test
    void aPastedKeyIsRejectedWithoutBeingEchoed() {
        String secret = "sk-live-0123456789abcdef0123";
        ModelConfigException pasted =
                error("models:\n  h:\n    provider: openai\n    model: m\n    api_key: " + secret + "\n");
        assertMessage("models.h.api_key: unknown key", pasted);
        assertMessage("api_key_env", pasted);
        assertFalse(pasted.getMessage().contains(secret));
        ModelConfigException inEnv =
                error("models:\n  h:\n    provider: openai\n    model: m\n    api_key_env: " + secret + "\n");
        assertMessage("must be the NAME of an environment variable", inEnv);
        assertFalse(inEnv.getMessage().contains(secret));
    }

    @Test
    void providersAreCheckedWithTheirRequiredAndAllowedKeys() {
        assertMessage("models.x: provider is required", error("models:\n  x:\n    model: m\n"));
        assertMessage("models.x.provider: unknown provider \"azure\"", error("models:\n  x:\n    provider: azure\n"));
        assertMessage("model is required for provider openai", error("models:\n  x:\n    provider: openai\n"));
        assertMessage(
                "api_key_env is required for provider anthropic",
                error("models:\n  x:\n    provider: anthropic\n    model: c\n"));
        assertMessage("path (the .gguf model file) is required", error("models:\n  x:\n    provider: gguf\n"));
        assertMessage(
                "models.x.base_url: only applies to provider openai, anthropic and ollama",
                error("models:\n  x:\n    provider: gguf\n    path: a.gguf\n    base_url: http://h\n"));
    }

    @Test
    void aNulByteIsCitedAtItsLine() {
        assertEquals(
                "models.yaml:3: column 13: a NUL byte (U+0000) is not allowed in YAML (is the file text?)",
                error("models:\n  a:\n    model: m\u0000\n    provider: ollama\n")
                        .getMessage());
    }

    @Test
    void structuralMistakesAreReportedPlainly() {
        assertMessage(
                "models.yaml:4: models.x.provider: duplicate key",
                error("models:\n  x:\n    provider: openai\n    provider: ollama\n"));
        assertMessage("a top-level 'models' mapping", error("models:\n"));
        assertMessage("models.yaml: the file is empty", error(""));
        assertMessage("not valid YAML", error("models: [unclosed\n"));
        assertMessage(
                "no such file",
                assertThrows(ModelConfigException.class, () -> ModelConfigs.load(Path.of("nope.yaml"))));
        ModelConfigs configs = ModelConfigs.parse("models:\n  a:\n    provider: ollama\n    model: m\n", "models.yaml");
        assertMessage(
                "no model named 'b' (defined: a)", assertThrows(ModelConfigException.class, () -> configs.get("b")));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        ModelConfig c = ModelConfigs.parse("models:\n  a:\n    provider: ollama\n    model: m\n", "models.yaml")
                .get("a");
        assertEquals("http://localhost:11434", c.baseUrl());
        assertEquals(0.0, c.temperature());
        assertEquals(1024, c.maxTokens());
        assertEquals(BreakerSettings.DEFAULTS, c.breaker());
        assertEquals(PriceTable.FREE, c.price());
        assertEquals(RateLimitSettings.NONE, c.rateLimit());
        assertFalse(c.cache(), "the response cache is opt-in");
        assertEquals(new ProposerSettings(4096, true), c.proposer());
    }

    @Test
    void theProposerHasItsOwnTokenLimitAndStructuredOutputWhereTheProviderHasIt() {
        ModelConfigs configs = ModelConfigs.parse(
                """
                models:
                  small: {provider: openai, model: m, max_tokens: 256}
                  big: {provider: openai, model: m, max_tokens: 8192}
                  set: {provider: anthropic, model: m, api_key_env: K, proposer: {max_tokens: 2000}}
                  plain: {provider: ollama, model: m, proposer: {structured_output: false}, cache: true}
                  file: {provider: gguf, path: models/x.gguf}
                  sim: {provider: simulated, max_tokens: 300}
                """,
                "models.yaml");
        assertEquals(new ProposerSettings(4096, true), configs.get("small").proposer(), "256 would cut an edit off");
        assertEquals(8192, configs.get("big").proposer().maxTokens(), "never fewer than the model's own");
        assertEquals(new ProposerSettings(2000, true), configs.get("set").proposer());
        assertEquals(new ProposerSettings(4096, false), configs.get("plain").proposer());
        assertTrue(configs.get("plain").cache());
        assertEquals(new ProposerSettings(4096, false), configs.get("file").proposer(), "gguf has no schema support");
        assertEquals(
                new ProposerSettings(300, false),
                configs.get("sim").proposer(),
                "the simulator ignores limits, so its recorded requests stay as they were");
    }

    @Test
    void proposerAndCacheMistakesNameTheirKey() {
        assertMessage(
                "models.yaml:4: models.g.proposer.structured_output: provider gguf has no structured output",
                error(
                        "models:\n  g:\n    provider: gguf\n    proposer: {structured_output: true}\n    path: x.gguf\n"));
        assertMessage(
                "models.local.proposer.max_token: unknown key",
                error("models:\n  local:\n    provider: openai\n    model: m\n    proposer: {max_token: 5}\n"));
        assertMessage(
                "models.local.cache: expected true or false, got \"yes please\"",
                error("models:\n  local:\n    provider: openai\n    model: m\n    cache: yes please\n"));
        assertMessage(
                "proposer.max_tokens must be at least 1",
                error("models:\n  local:\n    provider: openai\n    model: m\n    proposer: {max_tokens: 0}\n"));
    }
}
