package dev.ratchet.propose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes of credentials that have no business in a skill or a prompt: what the static gate rejects
 * in a proposal and what loading masks in a hand-written library. A match is reported by kind,
 * never by value; the group {@code secret} is the part to mask, leaving a label such as
 * {@code password:} in place.
 */
public final class SecretShapes {

    private record Shape(String kind, Pattern pattern) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("an OpenAI- or Anthropic-style key", Pattern.compile("(?<secret>\\bsk-[A-Za-z0-9_-]{16,})")),
            new Shape("an AWS access key id", Pattern.compile("(?<secret>\\bAKIA[0-9A-Z]{16}\\b)")),
            new Shape("a GitHub token", Pattern.compile("(?<secret>\\bgh[pousr]_[A-Za-z0-9]{30,})")),
            new Shape("a Slack token", Pattern.compile("(?<secret>\\bxox[abprs]-[A-Za-z0-9-]{10,})")),
            new Shape("a Google API key", Pattern.compile("(?<secret>\\bAIza[0-9A-Za-z_-]{30,})")),
            new Shape(
                    "a private key",
                    Pattern.compile("(?<secret>-----BEGIN [A-Z ]*PRIVATE KEY-----"
                            + "(?:[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----|[\\s\\S]*))")),
            new Shape("a bearer token", Pattern.compile("(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9_\\-.=]{20,})")),
            new Shape(
                    "a credential assignment",
                    Pattern.compile("(?i)\\b(?:api[_-]?key|secret|password|passwd|token)[\"']?\\s*[:=]\\s*[\"']?"
                            + "(?<secret>(?=[A-Za-z0-9_\\-./+]*\\d)[A-Za-z0-9_\\-./+]{12,})")));

    private SecretShapes() {}

    /** The kind of the first shape, in the order above, that any of {@code texts} holds. */
    public static Optional<String> firstKind(Collection<String> texts) {
        for (Shape shape : SHAPES) {
            for (String text : texts) {
                if (shape.pattern().matcher(text).find()) {
                    return Optional.of(shape.kind());
                }
            }
        }
        return Optional.empty();
    }

    /** Every credential-shaped value in {@code text}, to be masked. */
    public static List<String> values(String text) {
        List<String> values = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                values.add(m.group("secret"));
            }
        }
        return values;
    }
}
