package dev.ratchet.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML file read into a JSON tree that remembers the line of every key, so that an error found
 * while validating (not only while parsing) can name the file, the line and the key. Duplicate keys
 * are errors rather than last-one-wins.
 */
final class YamlDocument {

    private static final YAMLFactory YAML = YamlLimits.factory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String source, JsonNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
    }

    static YamlDocument parse(String text, String source) {
        Map<String, Integer> lines = new HashMap<>();
        Optional<String> forbidden = YamlLimits.forbiddenCharacter(text);
        if (forbidden.isPresent()) {
            throw new ModelConfigException(source + ":" + forbidden.get());
        }
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                throw new ModelConfigException(source + ": the file is empty");
            }
            JsonNode root = new Reader(source, p, lines).value("");
            return new YamlDocument(source, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ModelConfigException(
                    source + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * The line of the key at {@code path} ({@code gate.probe-size}, {@code environments[1].id}) in
     * {@code text}, if the text parses and holds it. Jackson reports where it noticed a problem,
     * which for a mapping bound to a record is the mapping's end, not the key's line.
     */
    static Optional<Integer> lineOf(String text, String path) {
        try {
            return Optional.ofNullable(parse(text, "").lines.get(path)).filter(line -> line > 0);
        } catch (ModelConfigException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    JsonNode root() {
        return root;
    }

    /** {@code file:line: key: message}, with the line left out when unknown. */
    ModelConfigException error(String path, String message) {
        Integer line = lines.get(path);
        String where = source + (line == null || line < 1 ? "" : ":" + line);
        return new ModelConfigException(where + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    private static final class Reader {
        private final String source;
        private final JsonParser p;
        private final Map<String, Integer> lines;

        Reader(String source, JsonParser p, Map<String, Integer> lines) {
            this.source = source;
            this.p = p;
            this.lines = lines;
        }

        JsonNode value(String path) throws IOException {
            lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
            JsonToken token = p.currentToken();
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                throw new ModelConfigException(source + ":" + YamlLimits.aliasAt(p));
            }
            switch (token) {
                case START_OBJECT:
                    return object(path);
                case START_ARRAY:
                    return array(path);
                case VALUE_STRING:
                    return NODES.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return NODES.numberNode(p.getLongValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    return NODES.textNode(p.getText());
            }
        }

        private ObjectNode object(String path) throws IOException {
            ObjectNode node = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                int line = p.currentTokenLocation().getLineNr();
                if (node.has(name)) {
                    throw new ModelConfigException(source + ":" + line + ": " + child + ": duplicate key");
                }
                lines.put(child, line);
                p.nextToken();
                node.set(name, value(child));
            }
            return node;
        }

        private ArrayNode array(String path) throws IOException {
            ArrayNode node = NODES.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                node.add(value(path + "[" + i++ + "]"));
            }
            return node;
        }
    }
}
