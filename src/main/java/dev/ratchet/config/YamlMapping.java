package dev.ratchet.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one YAML mapping key by key, each typed and optional, and at {@link #done(String)} rejects any key
 * it was not asked for. Ill-typed values are reported with the value quoted, except where the
 * value might be a secret.
 */
final class YamlMapping {

    private final YamlDocument doc;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new LinkedHashSet<>();

    YamlMapping(YamlDocument doc, String path, JsonNode node) {
        this.doc = doc;
        this.path = path;
        this.node = node;
        if (!node.isObject()) {
            throw doc.error(path, "expected a mapping of keys");
        }
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ModelConfigException error(String key, String message) {
        return doc.error(key == null ? path : path(key), message);
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String string(String key, String fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(key, "expected a non-empty text" + got(v));
        }
        return v.asText();
    }

    /** A text whose value is never quoted back, in case it is a pasted secret. */
    String secretSafeString(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(key, "expected a non-empty text");
        }
        return v.asText();
    }

    double decimal(String key, double fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw error(key, "expected a number" + got(v));
        }
        return v.asDouble();
    }

    int integer(String key, int fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(key, "expected a whole number" + got(v));
        }
        return v.asInt();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(key, "expected true or false" + got(v));
        }
        return v.asBoolean();
    }

    Duration seconds(String key, Duration fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() <= 0 || v.asDouble() > 366 * 86_400.0) {
            throw error(key, "expected a positive number of seconds" + got(v));
        }
        return Duration.ofNanos(Math.round(v.asDouble() * 1_000_000_000.0));
    }

    YamlMapping mapping(String key) {
        JsonNode v = get(key);
        return v == null ? null : new YamlMapping(doc, path(key), v);
    }

    JsonNode raw(String key) {
        return get(key);
    }

    /** The keys in file order, for a mapping whose keys are names rather than fields. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        read.addAll(keys);
        return keys;
    }

    /** Fails on the first key that was never read: a typo must not be silently ignored. */
    void done(String hint) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key)) {
                throw error(key, "unknown key (known here: " + String.join(", ", read) + ")" + hint);
            }
        }
    }

    private static String got(JsonNode v) {
        String text = v.isTextual() ? v.asText() : v.toString();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return ", got \"" + text + "\"";
    }
}
