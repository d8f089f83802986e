package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.BreakerSettings;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.ModelCallRecorded.Attempt;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A success status whose body the provider's adapter cannot read (Anthropic's and Ollama's throw a
 * NullPointerException of their own) is a malformed response on every provider: retried, counted
 * by the breaker, and described with its status and an excerpt of the body, never the key.
 */
class ProviderBodiesTest {

    private static final String KEY = "sk-canary-0123456789abcdef";
    private static final String BODY = "{\"unexpected\": true, \"echo\": \"" + KEY + "\"}";

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private ResilientModelClient client(ModelConfig.Provider provider, LoopbackOpenAiServer server, BreakerSettings b) {
        ModelConfig config = ModelConfig.builder("m", provider)
                .model("x")
                .baseUrl(server.baseUrl())
                .apiKeyEnv("TEST_KEY")
                .retry(new RetrySettings(
                        3, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5, Duration.ofMinutes(10)))
                .breaker(b)
                .build();
        return new ModelFactory(name -> KEY, Map.of()).client(config, clock, sleeper);
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().messages(UserMessage.from("hello")).build();
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelConfig.Provider.class,
            names = {"OPENAI", "ANTHROPIC", "OLLAMA"})
    void anUnreadableSuccessBodyIsRetriedAsMalformedWithItsStatusAndExcerpt(ModelConfig.Provider provider) {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(200, BODY, Map.of()), 4)) {
            BreakerSettings off = new BreakerSettings(100.0, 100, 100, Duration.ofSeconds(30), Duration.ofMinutes(30));
            ModelCall call = client(provider, server, off).call(new CallContext("c1", "agent"), hello());

            assertFalse(call.succeeded());
            assertEquals(CallFailure.INFRASTRUCTURE, call.record().errorClass(), "retried, so not the agent's fault");
            assertEquals(3, server.requests());
            assertEquals(
                    List.of("malformed-response", "malformed-response", "malformed-response"),
                    call.record().attempts().stream().map(Attempt::result).toList());
            assertEquals(200, call.record().attempts().get(0).httpStatus());
            assertEquals("HTTP 200 malformed-response", call.failure().describe());
            assertTrue(
                    call.failure().detail().contains("{\"unexpected\": true"),
                    call.failure().detail());
            assertFalse(call.failure().detail().contains(KEY), call.failure().detail());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelConfig.Provider.class,
            names = {"ANTHROPIC", "OLLAMA"})
    void unreadableBodiesTripTheBreakerLikeAnOutage(ModelConfig.Provider provider) {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(200, BODY, Map.of()), 4)) {
            BreakerSettings tight = new BreakerSettings(50.0, 4, 4, Duration.ofSeconds(10), Duration.ofSeconds(60));
            ResilientModelClient client = client(provider, server, tight);

            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    client.call(new CallContext("c" + i, "agent"), hello());
                }
            });
            assertTrue(e.getMessage().contains("breaker.max_outage_seconds"), e.getMessage());
        }
    }

    @Test
    void aBodyTheAdapterReadsIsStillAnAnswer() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.completion("fine", 3, 1), 4)) {
            BreakerSettings off = new BreakerSettings(100.0, 100, 100, Duration.ofSeconds(30), Duration.ofMinutes(30));
            ModelCall call =
                    client(ModelConfig.Provider.OPENAI, server, off).call(new CallContext("c1", "agent"), hello());
            assertTrue(call.succeeded());
            assertEquals(null, call.failure());
        }
    }
}
