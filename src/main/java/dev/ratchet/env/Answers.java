package dev.ratchet.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the answer in a model's reply. The agent may reason first: the answer is what follows the
 * LAST {@code Answer:} line (or, for numbered answers, the last {@code Answer k:} line for each k).
 * Harmless decoration is removed: surrounding whitespace, code fences, backticks, bold markers.
 */
public final class Answers {

    private Answers() {}

    /** The answer text of a single-answer reply; the whole reply when no {@code Answer:} line exists. */
    public static String extract(String reply) {
        String[] lines = reply.split("\\R", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            Optional<String> rest = afterLabel(lines[i]);
            if (rest.isPresent()) {
                String value = rest.get();
                if (value.isBlank()) {
                    value = String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
                }
                return clean(value);
            }
        }
        return clean(reply);
    }

    /** Numbered answers ({@code Answer 2: ...}); the last line wins for each number. */
    public static Map<Integer, String> numbered(String reply) {
        Map<Integer, String> answers = new TreeMap<>();
        for (String line : reply.split("\\R")) {
            String body = stripMarkup(line);
            if (!body.toLowerCase(Locale.ROOT).startsWith("answer")) {
                continue;
            }
            int i = "answer".length();
            while (i < body.length() && body.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < body.length() && Character.isDigit(body.charAt(i)) && i - start < 4) {
                i++;
            }
            if (i == start || i >= body.length() || ":.)".indexOf(body.charAt(i)) < 0) {
                continue;
            }
            answers.put(Integer.parseInt(body.substring(start, i)), clean(body.substring(i + 1)));
        }
        return answers;
    }

    /**
     * The readings a verifier tries, in order: the text, then the text without one trailing period
     * (so "42." and "Paris." are read as intended, while a value that really ends in a period
     * still matches the first reading).
     */
    public static List<String> readings(String answer) {
        List<String> readings = new ArrayList<>();
        readings.add(answer);
        if (answer.endsWith(".") && answer.length() > 1) {
            readings.add(answer.substring(0, answer.length() - 1).strip());
        }
        return readings;
    }

    /** Removes fences, wrapping backticks or bold markers, and surrounding whitespace. */
    public static String clean(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                continue;
            }
            kept.append(kept.length() == 0 ? "" : "\n").append(line);
        }
        String s = kept.toString().strip();
        boolean changed = true;
        while (changed && s.length() >= 2) {
            changed = false;
            for (String wrap : new String[] {"**", "__", "`"}) {
                if (s.length() >= 2 * wrap.length() && s.startsWith(wrap) && s.endsWith(wrap)) {
                    s = s.substring(wrap.length(), s.length() - wrap.length()).strip();
                    changed = true;
                }
            }
        }
        while (s.startsWith("**") || s.startsWith("__")) {
            s = s.substring(2).strip();
        }
        while (s.endsWith("**") || s.endsWith("__")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        return s;
    }

    /**
     * The text after the last {@code Answer:} label on a line (markdown markers allowed around the
     * label). The label may follow other text ("... so 1.414. Answer: 1.414") but not be part of a
     * word ("reanswer:").
     */
    private static Optional<String> afterLabel(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (int at = lower.lastIndexOf("answer"); at >= 0; at = lower.lastIndexOf("answer", at - 1)) {
            if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
                continue;
            }
            String rest = stripLeading(line.substring(at + "answer".length()), "*_ ");
            if (rest.startsWith(":")) {
                return Optional.of(stripLeading(rest.substring(1), "*_ \t"));
            }
        }
        return Optional.empty();
    }

    private static String stripMarkup(String line) {
        return stripLeading(line.strip(), "*_#>- \t");
    }

    private static String stripLeading(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
