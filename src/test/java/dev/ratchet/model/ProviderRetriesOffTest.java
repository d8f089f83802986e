package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.ModelCallRecorded.Attempt;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP provider the factory builds has its own retries off: each attempt the retry layer
 * records is exactly one request on the wire, and the provider's error headers reach the classifier.
 */
class ProviderRetriesOffTest {

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private ModelConfig config(ModelConfig.Provider provider, LoopbackOpenAiServer server) {
        ModelConfig.Builder b = ModelConfig.builder("p", provider)
                .model("some-model")
                .baseUrl(
                        provider == ModelConfig.Provider.OLLAMA
                                ? server.baseUrl().replace("/v1", "")
                                : server.baseUrl())
                .retry(new RetrySettings(
                        3, Duration.ofSeconds(1), Duration.ofSeconds(4), 2.0, 0.5, Duration.ofMinutes(5)));
        return provider == ModelConfig.Provider.ANTHROPIC
                ? b.apiKeyEnv("ANTHROPIC_TEST_KEY").build()
                : b.build();
    }

    private ModelCall call(ModelConfig.Provider provider, LoopbackOpenAiServer server) {
        ModelFactory factory = new ModelFactory(name -> "test-key-0123456789", Map.of());
        return factory.client(config(provider, server), clock, sleeper)
                .call(
                        new CallContext("c1", "agent"),
                        ChatRequest.builder().messages(UserMessage.from("hi")).build());
    }

    @Test
    void anthropicAndOllamaMakeOneRequestPerRecordedAttempt() {
        for (ModelConfig.Provider provider : List.of(ModelConfig.Provider.ANTHROPIC, ModelConfig.Provider.OLLAMA)) {
            try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(503, "{}", Map.of()), 4)) {
                ModelCall call = call(provider, server);
                assertFalse(call.succeeded(), provider.id());
                assertEquals(3, call.record().attempts().size(), provider.id());
                assertEquals(3, server.requests(), provider.id() + ": the provider retried on its own");
                assertEquals(CallFailure.INFRASTRUCTURE, call.record().errorClass());
            }
        }
    }

    @Test
    void anthropicOverloadAndRetryAfterAreHonoured() {
        int[] n = new int[1];
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                r -> n[0]++ == 0
                        ? Reply.error(
                                529,
                                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}",
                                Map.of("retry-after", "7"))
                        : Reply.error(
                                401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\"}}", Map.of()),
                4)) {
            try {
                call(ModelConfig.Provider.ANTHROPIC, server);
            } catch (ProviderRejectedException e) {
                List<Attempt> attempts = e.record().orElseThrow().attempts();
                assertEquals(
                        List.of("overloaded", "unauthorized"),
                        attempts.stream().map(Attempt::result).collect(Collectors.toList()));
                assertTrue(attempts.get(1).waitedMillis() >= 7000, attempts.toString());
                assertEquals(2, server.requests());
                return;
            }
            throw new AssertionError("a 401 after the overload must stop the call");
        }
    }
}
