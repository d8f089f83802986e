package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Approved golden files under {@code src/test/resources/golden/envs/}. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them on purpose, then review the diff.
 */
public final class GoldenFiles {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden", "envs");
    /** Indented with "\n" whatever the platform, so the approved bytes are the same everywhere. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .build();

    private GoldenFiles() {}

    /** Compares {@code actual} (a map keyed by environment id) with the golden file, entry by entry. */
    public static void check(String name, Map<String, ?> actual) {
        Path file = DIRECTORY.resolve(name);
        String text = write(actual);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertTrue(Files.exists(file), file + " is missing; run the tests with -Dgolden.update=true to create it");
        JsonNode expected = read(file);
        JsonNode got = JSON.valueToTree(actual);
        for (Iterator<String> ids = expected.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            assertEquals(expected.get(id), got.get(id), name + ": " + id + " differs from the approved samples");
        }
        assertEquals(expected.size(), got.size(), name + ": a different set of environments than approved");
        assertEquals(text, readText(file), name + ": same content, different bytes");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(readText(file));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
