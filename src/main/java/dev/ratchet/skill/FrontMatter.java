package dev.ratchet.skill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file with optional YAML front matter between two {@code ---} lines. Fields are read
 * through typed accessors that name the file and the field when a value is missing or ill-typed.
 */
record FrontMatter(String file, ObjectNode fields, Map<String, Integer> lines, String body) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A block-style top-level key at the start of a line: {@code name: ...}. */
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("([^\\s#'\"\\-][^:]*):(\\s|$)");

    static FrontMatter parse(String file, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            return new FrontMatter(file, JsonNodeFactory.instance.objectNode(), Map.of(), normalized.strip());
        }
        int close = normalized.indexOf("\n---", 3);
        while (close >= 0 && !lineEndsAt(normalized, close + 4)) {
            close = normalized.indexOf("\n---", close + 1);
        }
        if (close < 0) {
            throw new LibraryFileException(file + ": front matter is not closed by a '---' line");
        }
        String yaml = normalized.substring(4, close + 1);
        String body =
                normalized.substring(Math.min(normalized.length(), close + 4)).strip();
        return new FrontMatter(file, readFields(file, yaml), fieldLines(yaml), body);
    }

    /**
     * The file line of each top-level field, so that an error found after parsing (an unknown or
     * ill-typed field) can still name it. The YAML starts on line 2, after the opening '---'.
     */
    private static Map<String, Integer> fieldLines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        String[] rows = yaml.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            Matcher m = TOP_LEVEL_KEY.matcher(rows[i]);
            if (m.lookingAt()) {
                lines.putIfAbsent(m.group(1).strip(), i + 2);
            }
        }
        return Map.copyOf(lines);
    }

    /** {@code file:line} of a field, or the file alone when the field's line is unknown. */
    String at(String field) {
        Integer line = lines.get(field);
        return line == null ? file : file + ":" + line;
    }

    private static boolean lineEndsAt(String text, int index) {
        return index >= text.length() || text.charAt(index) == '\n';
    }

    private static ObjectNode readFields(String file, String yaml) {
        if (yaml.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new LibraryFileException(file + ": front matter must be a mapping of fields");
            }
            return object;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + 1;
            throw new LibraryFileException(
                    file + (line > 0 ? ":" + line : "") + ": front matter is not valid YAML: "
                            + firstLine(e.getOriginalMessage()),
                    e);
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Every field must be one of {@code known}. */
    void onlyFields(Set<String> known) {
        fields.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new LibraryFileException(at(name) + ": " + name + ": unknown field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    /** A scalar field as text, or null when absent. */
    String text(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new LibraryFileException(at(field) + ": " + field + ": expected text");
        }
        return v.asText();
    }

    String requiredText(String field) {
        String v = text(field);
        if (v == null || v.isBlank()) {
            throw new LibraryFileException(at(field) + ": " + field + ": required");
        }
        return v.strip();
    }

    List<String> textList(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new LibraryFileException(at(field) + ": " + field + ": expected a list, e.g. [dates, formats]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new LibraryFileException(at(field) + ": " + field + ": every entry must be non-blank text");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    Integer integer(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new LibraryFileException(at(field) + ": " + field + ": expected an integer");
        }
        return v.asInt();
    }

    /** Renders front matter (fields in insertion order) followed by the body. */
    static String render(ObjectNode fields, String body) {
        try {
            return "---\n" + YAML.writeValueAsString(fields) + "---\n\n" + body.strip() + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render front matter", e);
        }
    }
}
