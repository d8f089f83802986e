package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.PriceTable;
import dev.ratchet.log.event.ModelCallRecorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {

    private static final String KEY = "sk-canary-0123456789abcdefghij";

    @TempDir
    Path dir;

    private final FakeClock clock = FakeClock.at2026();
    private final ModelConfig config = ModelConfig.builder("hosted", ModelConfig.Provider.OPENAI)
            .model("gpt-test")
            .price(new PriceTable(1.0, 2.0))
            .build();

    private ModelCall call(ResponseCache cache, String callId, ScriptedChatModel model) {
        ResilientModelClient live =
                new ResilientModelClient(config, model, clock, new RecordingSleeper(clock), Redactor.of(List.of(KEY)));
        return new CachedModelClient(live, cache, config)
                .call(
                        new CallContext(callId, "agent"),
                        ChatRequest.builder()
                                .messages(UserMessage.from("What is 2 + 3?"))
                                .build());
    }

    private Path onlyEntry() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            List<Path> entries =
                    files.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /** {@code Files.createTempFile} makes 0600 files whatever the umask; a cache entry must be as readable as any output. */
    @Test
    void entriesFollowTheUmask() throws Exception {
        call(new ResponseCache(dir.resolve("cache"), "run1"), "c1", ScriptedChatModel.answering("Answer: 5"));
        Path plain = dir.resolve("plain.txt");
        Files.newOutputStream(plain).close();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(onlyEntry()));
        assertEquals(
                Files.getPosixFilePermissions(Files.createDirectories(dir.resolve("plain-dir"))),
                Files.getPosixFilePermissions(onlyEntry().getParent()));
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    @Test
    void anEntryHoldsTheRedactedResponseAndItsOriginNeverTheKey() throws Exception {
        ModelCall first = call(
                new ResponseCache(dir.resolve("cache"), "run1"),
                "c1",
                ScriptedChatModel.answering("my key is " + KEY + "; Answer: 5"));
        String entry = Files.readString(onlyEntry());
        assertFalse(entry.contains(KEY), entry);
        assertTrue(entry.contains(Redactor.MASK), entry);
        assertTrue(entry.contains("\"campaign\":\"run1\"") && entry.contains("\"callId\":\"c1\""), entry);
        assertFalse(entry.contains("What is 2 + 3?"), "the request is addressed by its hash, not stored: " + entry);

        ModelCall hit =
                call(new ResponseCache(dir.resolve("cache"), "run2"), "c1", ScriptedChatModel.answering("not asked"));
        assertEquals(
                first.response().aiMessage().text(), hit.response().aiMessage().text());
        assertEquals(first.record().costUsd(), hit.record().cachedFrom().costUsd());
        assertTrue(first.record().costUsd() > 0, "the price table makes the first call cost something");
    }

    @Test
    void anUnreadableEntryIsAMissAndIsReplaced() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering("Answer: 5");
        call(new ResponseCache(dir.resolve("cache"), "run1"), "c1", model);
        Path entry = onlyEntry();
        Files.writeString(entry, "{not json");

        ModelCall again = call(new ResponseCache(dir.resolve("cache"), "run2"), "c1", model);

        assertEquals(2, model.calls(), "a garbled entry is not an answer");
        assertEquals(null, again.record().cachedFrom());
        ModelCallRecorded.CachedFrom origin = new ResponseCache(dir.resolve("cache"), "run3")
                .get(again.record().requestHash())
                .orElseThrow()
                .origin();
        assertEquals("run2", origin.campaign(), "the entry was rewritten by the call that replaced it");
    }
}
