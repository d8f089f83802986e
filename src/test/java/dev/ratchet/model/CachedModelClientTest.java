package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.log.event.ModelCallRecorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedModelClientTest {

    @TempDir
    Path dir;

    private final FakeClock clock = FakeClock.at2026();
    private final ModelConfig config = ModelConfig.builder("agent", ModelConfig.Provider.OPENAI)
            .model("gpt-test")
            .retry(new RetrySettings(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, 0.0, Duration.ofMinutes(1)))
            .build();

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    @Test
    void aRerunSkipsIdenticalCalls() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(
                r -> "answer " + r.messages().get(0).toString().length());
        ResponseCache cache = new ResponseCache(dir.resolve("cache"), "run1");
        ModelClient first = new CachedModelClient(
                new ResilientModelClient(config, model, clock, new RecordingSleeper(clock), Redactor.none()),
                cache,
                config);
        ModelCall original = first.call(new CallContext("run1-c1", "agent"), ask("q"));
        assertEquals(1, model.calls());

        ModelClient rerun = new CachedModelClient(
                new ResilientModelClient(config, model, clock, new RecordingSleeper(clock), Redactor.none()),
                new ResponseCache(dir.resolve("cache"), "run2"),
                config);
        ModelCall cached = rerun.call(new CallContext("run2-c1", "agent"), ask("q"));

        assertEquals(1, model.calls(), "the identical request did not reach the model");
        assertEquals(
                original.response().aiMessage().text(),
                cached.response().aiMessage().text());
        assertEquals(original.record().requestHash(), cached.record().requestHash());
        assertEquals(original.record().response(), cached.record().response());
        assertEquals("run2-c1", cached.record().callId());
        assertEquals(
                CachedModelClient.CACHE_HIT, cached.record().attempts().get(0).result());
        assertEquals(0.0, cached.record().costUsd());
        assertEquals(
                new ModelCallRecorded.CachedFrom(
                        "run1", "run1-c1", original.record().costUsd()),
                cached.record().cachedFrom(),
                "the hit names the call that paid for it");
        assertEquals(original.record().usage(), cached.record().usage());

        rerun.call(new CallContext("run2-c2", "agent"), ask("another question"));
        assertEquals(2, model.calls(), "a different request is a different call");
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            String name = original.record().requestHash() + ".json";
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(name)), "content-addressed by hash");
        }
    }

    @Test
    void failuresAreNotCached() {
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            throw new InternalServerException("down");
        });
        ResponseCache cache = new ResponseCache(dir.resolve("cache"), "run1");
        ModelClient client = new CachedModelClient(
                new ResilientModelClient(config, model, clock, new RecordingSleeper(clock), Redactor.none()),
                cache,
                config);
        assertFalse(client.call(new CallContext("c1", "agent"), ask("q")).succeeded());
        assertFalse(client.call(new CallContext("c2", "agent"), ask("q")).succeeded());
        assertEquals(2, model.calls());
        assertTrue(cache.get(RequestCanon.hash(config, ask("q"))).isEmpty());
    }
}
