package dev.ratchet.model.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a proposer request the simulator uses: the fenced JSON block that ends the last user
 * message ({@code cluster}, {@code regime}, {@code environments}, {@code failing}, {@code library},
 * {@code sections}).
 */
record ProposerContext(
        String cluster,
        String regime,
        List<String> environments,
        List<String> failingEnvironments,
        List<LibraryEntry> library,
        List<String> sections) {

    ProposerContext {
        environments = List.copyOf(environments);
        failingEnvironments = List.copyOf(failingEnvironments);
        library = List.copyOf(library);
        sections = List.copyOf(sections);
    }

    /** A skill of the current library with its record at the gate. */
    record LibraryEntry(String name, String trigger, int fixes, int regressions) {}

    static Optional<ProposerContext> parse(String message) {
        Optional<String> block = jsonBlock(message);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.parse(block.get());
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            return Optional.empty();
        }
        List<String> failing = new ArrayList<>();
        root.path("failing").forEach(f -> failing.add(f.path("envId").asText("")));
        List<LibraryEntry> library = new ArrayList<>();
        root.path("library")
                .forEach(s -> library.add(new LibraryEntry(
                        s.path("name").asText(""),
                        s.path("trigger").asText(""),
                        s.path("fixes").asInt(0),
                        s.path("regressions").asInt(0))));
        return Optional.of(new ProposerContext(
                root.path("cluster").asText(""),
                root.path("regime").asText(""),
                strings(root.path("environments")),
                failing,
                library,
                strings(root.path("sections"))));
    }

    /** The last {@code ```json} fence's content, or else the outermost braces. */
    private static Optional<String> jsonBlock(String message) {
        int fence = message.lastIndexOf("```json");
        if (fence >= 0) {
            int start = fence + "```json".length();
            int end = message.indexOf("```", start);
            return Optional.of(end < 0 ? message.substring(start) : message.substring(start, end));
        }
        int open = message.indexOf('{');
        int close = message.lastIndexOf('}');
        return open >= 0 && close > open ? Optional.of(message.substring(open, close + 1)) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText("")));
        return out;
    }
}
