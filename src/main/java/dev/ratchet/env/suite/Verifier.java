package dev.ratchet.env.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.env.Answers;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.ValueCheck;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a suite task checks an answer. Every kind first takes the answer from the reply (the last
 * {@code Answer:} line, else the whole reply, without fences) and also tries it without a trailing
 * period.
 */
public enum Verifier {
    /** The answer equals the expected text exactly. */
    EXACT("exact"),
    /** Equal after lower-casing, collapsing whitespace and trimming surrounding punctuation and quotes. */
    NORMALIZED("normalized"),
    /** A number within {@code tolerance} of the expected number (a non-number is a format failure). */
    NUMERIC("numeric"),
    /** The whole answer matches the expected regular expression. */
    REGEX("regex"),
    /** The answer parses as JSON equal to the expected JSON (numbers compared by value). */
    JSON("json"),
    /** Normalized, the answer equals one of the expected texts. */
    ONE_OF("one-of"),
    /** Normalized, the answer contains the normalized expected text. */
    CONTAINS("contains");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String label;

    Verifier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Verifier parse(String text) {
        for (Verifier verifier : values()) {
            if (verifier.label.equals(text)) {
                return verifier;
            }
        }
        return null;
    }

    public static String labels() {
        return String.join(
                ", ", java.util.Arrays.stream(values()).map(Verifier::label).toList());
    }

    /** Checks a reply against an expected value already validated for this kind. */
    Outcome check(Expected expected, String reply) {
        String answer = Answers.extract(reply);
        boolean parsed = false;
        for (String reading : Answers.readings(answer)) {
            Boolean verdict = verdict(expected, reading);
            if (verdict != null && verdict) {
                return Outcome.pass();
            }
            parsed |= verdict != null;
        }
        if (!parsed) {
            return Outcome.format(
                    "expected " + (this == NUMERIC ? "a number" : "JSON") + ", got " + ValueCheck.quoted(answer));
        }
        return Outcome.wrongValue("expected " + expected.shown() + ", got " + ValueCheck.quoted(answer));
    }

    /** True or false, or null when the reading is not in the kind's format (numbers, JSON). */
    private Boolean verdict(Expected expected, String reading) {
        return switch (this) {
            case EXACT -> reading.equals(expected.text());
            case NORMALIZED -> normalized(reading).equals(normalized(expected.text()));
            case CONTAINS -> normalized(reading).contains(normalized(expected.text()));
            case ONE_OF -> expected.options().stream()
                    .anyMatch(o -> normalized(o).equals(normalized(reading)));
            case REGEX -> expected.pattern().matcher(reading).matches();
            case NUMERIC -> {
                BigDecimal number = number(reading);
                yield number == null
                        ? null
                        : number.subtract(expected.number()).abs().compareTo(expected.tolerance()) <= 0;
            }
            case JSON -> {
                JsonNode node = Expected.json(reading);
                yield node == null ? null : node.equals(NUMBERS_BY_VALUE, expected.json());
            }
        };
    }

    /** Compares numeric nodes by value (1 equals 1.0), everything else structurally. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static BigDecimal number(String text) {
        String s = text.strip().replace('\u2212', '-');
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s.replace(",", "").replace("+", ""));
    }

    static String normalized(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        int start = 0;
        int end = lower.length();
        String trim = ".,;:!?\"'`*()";
        while (start < end && trim.indexOf(lower.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && trim.indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        return lower.substring(start, end).strip();
    }

    /** Answers tried when a wrong answer is needed; the first one the verifier rejects is used. */
    static final List<String> NON_ANSWERS = List.of("none", "I do not know", "0", "-1", "false", "{}", "[]", "x");
}
