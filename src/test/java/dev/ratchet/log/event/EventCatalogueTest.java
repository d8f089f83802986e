package dev.ratchet.log.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event type has a stable name, a sample, a golden JSON file it encodes to byte for byte,
 * and round-trips. Regenerate deliberately with {@code -Dgolden.update=true} and review the diff.
 */
class EventCatalogueTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/events");

    @Test
    void everyPermittedSubtypeIsRegisteredAndSampled() {
        Set<Class<?>> permitted =
                Arrays.stream(Event.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> registered =
                Arrays.stream(EventType.values()).map(EventType::recordClass).collect(Collectors.toSet());
        Set<Class<?>> sampled =
                EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, registered, "EventType must list every permitted Event subtype");
        assertEquals(permitted, sampled, "EventSamples must hold one sample per event type");
    }

    @Test
    void typeNamesAreStableDottedNamesNotClassNames() {
        for (EventType t : EventType.values()) {
            assertTrue(t.typeName().matches("[a-z]+\\.[a-z-]+"), t.typeName());
            assertEquals(t, EventType.named(t.typeName()).orElseThrow());
        }
    }

    @TestFactory
    Iterable<DynamicTest> everyTypeMatchesItsGoldenFileAndRoundTrips() {
        return EventSamples.all().stream()
                .map(e -> DynamicTest.dynamicTest(e.type().typeName(), () -> {
                    byte[] encoded = EventCodec.encode(e);
                    Path file = GOLDEN.resolve(e.type().typeName() + ".json");
                    String pretty = Json.CANONICAL
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(Json.parse(new String(encoded, StandardCharsets.UTF_8)))
                            + "\n";
                    if (Boolean.getBoolean("golden.update")) {
                        Files.createDirectories(GOLDEN);
                        Files.writeString(file, pretty);
                    }
                    assertEquals(read(file), pretty, "golden file differs: " + file);
                    Event decoded =
                            EventCodec.decode(e.type().typeName(), e.type().schemaVersion(), encoded);
                    assertEquals(e, decoded);
                    assertEquals(
                            new String(encoded, StandardCharsets.UTF_8),
                            new String(EventCodec.encode(decoded), StandardCharsets.UTF_8),
                            "re-encoding is byte-identical");
                }))
                .toList();
    }

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new AssertionError("missing golden file " + file + "; run with -Dgolden.update=true and review it");
        }
        return Files.readString(file);
    }
}
