package dev.ratchet.env.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses and validates one line of a suite file; every failure names the line and the field. */
final class SuiteLine {

    private static final Set<String> FIELDS = Set.of("id", "prompt", "expected", "verifier", "tolerance", "tags");
    /** Letters and digits of any script (a mark may follow a letter), '.', '_' and '-'. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}._-]*");

    private static final Pattern ID_CHAR = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}._-]");

    private final Path file;
    private final int line;
    private final String suite;

    SuiteLine(Path file, int line, String suite) {
        this.file = file;
        this.line = line;
        this.suite = suite;
    }

    SuiteTask parse(String text) {
        JsonNode node;
        try {
            node = Expected.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw fail(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw fail(null, "each line must be one JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw fail(name, "unknown field (expected id, prompt, expected, verifier, tolerance, tags)");
            }
        }
        String id = id(text(node, "id"));
        String prompt = text(node, "prompt");
        String verifierName = text(node, "verifier");
        Verifier verifier = Verifier.parse(verifierName);
        if (verifier == null) {
            throw fail("verifier", "unknown verifier '" + verifierName + "' (expected " + Verifier.labels() + ")");
        }
        if (node.has("tolerance") && verifier != Verifier.NUMERIC) {
            throw fail("tolerance", "only a numeric verifier takes a tolerance");
        }
        SuiteTask task = new SuiteTask(suite, id, prompt, verifier, expected(node, verifier), tags(node));
        if (task.firstRejected() == null) {
            throw fail(
                    "expected",
                    "the " + verifier.label() + " verifier accepts every answer tried (such as 'none',"
                            + " '0' and 'I do not know'), so it cannot tell a wrong answer");
        }
        return task;
    }

    /**
     * The id in NFC, so that an accent typed precomposed or combining is one id. Separators, control
     * and format characters are refused: ids appear in prompts, in the log and in {@code <suite>/<id>}.
     */
    private String id(String raw) {
        String id = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (ID.matcher(id).matches()) {
            return id;
        }
        String rule = "an id is letters and digits of any script, '.', '_' and '-', starting with a letter or digit";
        int[] chars = id.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            if (!ID_CHAR.matcher(Character.toString(chars[i])).matches()) {
                throw fail(
                        "id", "'" + shown(id) + "' holds " + code(chars[i]) + " at character " + (i + 1) + "; " + rule);
            }
        }
        throw fail("id", "'" + shown(id) + "': " + rule);
    }

    /** The id with the characters a terminal would not show written as U+XXXX. */
    private static String shown(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().forEach(c -> out.append(invisible(c) ? code(c) : Character.toString(c)));
        return out.toString();
    }

    private static boolean invisible(int c) {
        return Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || (Character.isSpaceChar(c) && c != ' ');
    }

    private static String code(int c) {
        return String.format("U+%04X", c);
    }

    private Expected expected(JsonNode node, Verifier verifier) {
        JsonNode value = node.get("expected");
        if (value == null || value.isNull()) {
            throw fail("expected", "missing");
        }
        return switch (verifier) {
            case EXACT -> new Expected(nonBlank(value, false), null, null, null, null, null);
            case NORMALIZED, CONTAINS -> new Expected(nonBlank(value, true), null, null, null, null, null);
            case REGEX -> new Expected(null, null, pattern(nonBlank(value, false)), null, null, null);
            case ONE_OF -> new Expected(null, options(value), null, null, null, null);
            case NUMERIC -> new Expected(null, null, null, number(value), tolerance(node), null);
            case JSON -> new Expected(null, null, null, null, null, value);
        };
    }

    /** A non-blank string; with {@code normalized}, one that stays non-empty once normalized. */
    private String nonBlank(JsonNode value, boolean normalized) {
        if (!value.isTextual()
                || value.asText().isBlank()
                || (normalized && Verifier.normalized(value.asText()).isEmpty())) {
            throw fail("expected", "must be a non-empty string");
        }
        return value.asText();
    }

    private Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail("expected", "not a valid regular expression: " + e.getDescription());
        }
    }

    private List<String> options(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            throw fail("expected", "a one-of verifier needs a non-empty array of strings");
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : value) {
            options.add(nonBlank(option, true));
        }
        return options;
    }

    private BigDecimal number(JsonNode value) {
        BigDecimal number =
                value.isNumber() ? value.decimalValue() : value.isTextual() ? Verifier.number(value.asText()) : null;
        if (number == null) {
            throw fail("expected", "a numeric verifier needs a number, got " + Suite.show(value));
        }
        return number;
    }

    private BigDecimal tolerance(JsonNode node) {
        JsonNode value = node.get("tolerance");
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw fail("tolerance", "must be a number of at least 0");
        }
        return value.decimalValue();
    }

    private List<String> tags(JsonNode node) {
        JsonNode value = node.get("tags");
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail("tags", "must be an array of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : value) {
            if (!tag.isTextual() || tag.asText().isBlank()) {
                throw fail("tags", "must be an array of non-empty strings");
            }
            tags.add(tag.asText());
        }
        return tags;
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(field, "missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fail(field, "must be a non-empty string");
        }
        return value.asText();
    }

    private SuiteFormatException fail(String field, String problem) {
        return new SuiteFormatException(file, line, field, problem);
    }
}
