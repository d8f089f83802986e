package dev.ratchet.env.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A suite task's expected answer, in the form its verifier needs: text, options, a pattern, a
 * number with tolerance, or a JSON tree. Only the fields of the task's kind are set.
 */
record Expected(
        String text, List<String> options, Pattern pattern, BigDecimal number, BigDecimal tolerance, JsonNode json) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The expected answer as shown in a message and in {@code Instance.expected()}. */
    String shown() {
        if (options != null) {
            return String.join(" | ", options);
        }
        if (number != null) {
            return number.toPlainString()
                    + (tolerance.signum() > 0
                            ? " (± " + tolerance.stripTrailingZeros().toPlainString() + ")"
                            : "");
        }
        if (json != null) {
            return canonical(json);
        }
        return pattern != null ? pattern.pattern() : text;
    }

    static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
