package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigException;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canary keys: a key set in the (injected) environment reaches the provider but nothing else, even
 * when the provider echoes the request's headers back in its error bodies or in its answer.
 */
class SecretRedactionTest {

    private static final String CANARY = "sk-canary-7f3a9c1e5b2d4f60a8e7c3b1";

    private static String environment(String name) {
        return "RATCHET_CANARY_KEY".equals(name) ? CANARY : null;
    }

    private final FakeClock clock = FakeClock.at2026();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> seenAuthorization = new ArrayList<>();

    /** Echoes every header back, as some misbehaving gateways do. */
    private String echo(Request request) {
        synchronized (seenAuthorization) {
            seenAuthorization.add(request.header("authorization"));
        }
        return "{\"error\":{\"message\":\"Invalid key. Request headers: "
                + request.headers().toString().replace("\"", "'") + "\",\"type\":\"invalid_request_error\"}}";
    }

    private ModelConfig config(LoopbackOpenAiServer server) {
        return ModelConfig.builder("hosted", ModelConfig.Provider.OPENAI)
                .model("gpt-canary")
                .baseUrl(server.baseUrl())
                .apiKeyEnv("RATCHET_CANARY_KEY")
                .retry(new RetrySettings(
                        2, Duration.ofMillis(10), Duration.ofMillis(20), 2.0, 0.5, Duration.ofMinutes(1)))
                .build();
    }

    private static ChatRequest ask() {
        return ChatRequest.builder().messages(UserMessage.from("Hello")).build();
    }

    private static void assertClean(String where, String text) {
        assertFalse(text.contains(CANARY), where + " leaks the key: " + text);
        assertFalse(text.contains(CANARY.substring(3)), where + " leaks part of the key: " + text);
    }

    private static void assertClean(ModelCallRecorded record) {
        assertClean("the record's JSON", new String(EventCodec.encode(record), StandardCharsets.UTF_8));
        assertClean("the record's toString", record.toString());
    }

    @Test
    void unauthorizedResponsesThatEchoTheKeyLeakItNowhere() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(401, echo(r), Map.of()), 4)) {
            ModelFactory factory = new ModelFactory(SecretRedactionTest::environment, Map.of());
            ChatModel chatModel = factory.chatModel(config(server));
            ResilientModelClient client = factory.client(config(server), clock, sleeper);
            ProviderRejectedException e = assertThrows(
                    ProviderRejectedException.class, () -> client.call(new CallContext("c1", "agent"), ask()));

            assertEquals(List.of("Bearer " + CANARY), seenAuthorization, "the key did reach the provider");
            assertClean("the exception message", e.getMessage());
            assertClean("the exception's toString", e.toString());
            assertClean(e.record().orElseThrow());
            assertClean("the config", config(server).toString());
            assertClean("the chat model", chatModel.toString());
            assertTrue(e.getMessage().contains("RATCHET_CANARY_KEY"), "names the variable, not its value");
        }
    }

    @Test
    void otherErrorsAndExhaustedRetriesLeakItNowhere() {
        for (int status : List.of(400, 403, 404, 422, 500, 503)) {
            try (LoopbackOpenAiServer server =
                    LoopbackOpenAiServer.start(r -> Reply.error(status, echo(r), Map.of()), 4)) {
                ResilientModelClient client = new ModelFactory(SecretRedactionTest::environment, Map.of())
                        .client(config(server), clock, sleeper);
                try {
                    ModelCall call = client.call(new CallContext("c-" + status, "agent"), ask());
                    assertFalse(call.succeeded());
                    assertClean(call.record());
                } catch (ModelStopException e) {
                    assertClean("HTTP " + status + " message", e.getMessage());
                    e.record().ifPresent(SecretRedactionTest::assertClean);
                }
            }
        }
    }

    @Test
    void anAnswerThatQuotesTheKeyIsRedactedForTheCallerAndTheRecord() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                r -> Reply.completion("Your header was " + r.header("authorization"), 5, 5), 4)) {
            ResilientModelClient client =
                    new ModelFactory(SecretRedactionTest::environment, Map.of()).client(config(server), clock, sleeper);
            ModelCall call = client.call(new CallContext("c1", "agent"), ask());
            assertTrue(call.succeeded());
            assertClean(
                    "the response the caller sees", call.response().aiMessage().text());
            assertTrue(call.response().aiMessage().text().contains(Redactor.MASK));
            assertClean(call.record());
        }
    }

    @Test
    void aMissingKeyNamesTheVariableOnly() {
        ModelConfig config = ModelConfig.builder("hosted", ModelConfig.Provider.OPENAI)
                .model("gpt-canary")
                .apiKeyEnv("RATCHET_UNSET_KEY")
                .build();
        ModelConfigException e = assertThrows(
                ModelConfigException.class,
                () -> new ModelFactory(SecretRedactionTest::environment, Map.of()).chatModel(config));
        assertTrue(e.getMessage().contains("RATCHET_UNSET_KEY"), e.getMessage());
    }

    @Test
    void credentialShapedTextIsMaskedInMessagesWhateverItsValue() {
        Redactor r = Redactor.of(List.of());
        assertEquals(
                "Authorization: Bearer " + Redactor.MASK + " and x-api-key: " + Redactor.MASK,
                r.redactMessage("Authorization: Bearer abcdefgh12345678 and x-api-key: zyxwvuts98765432"));
        assertEquals("the number 42 is fine", r.redactMessage("the number 42 is fine"));
    }
}
