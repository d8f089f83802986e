package dev.ratchet.env.compose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed environment id: a name ({@code arith.add}, {@code mysuite/q1}) or an operator applied to
 * child ids ({@code seq(arith.add,nt.divisors)}). {@link #toString()} prints the canonical form,
 * without spaces, which is also the composite's {@code Environment.id()}.
 */
public record CompositeId(String name, Operator operator, List<CompositeId> children) {

    public CompositeId {
        if ((name == null) == (operator == null)) {
            throw new IllegalArgumentException("an id is either a name or an operator with children");
        }
        children = List.copyOf(children);
    }

    public static CompositeId name(String name) {
        return new CompositeId(name, null, List.of());
    }

    public static CompositeId of(Operator operator, List<CompositeId> children) {
        return new CompositeId(null, Objects.requireNonNull(operator, "operator"), children);
    }

    public boolean composite() {
        return operator != null;
    }

    /** Parses an id, in NFC as suite task ids are; the message of a failure names the position. */
    public static CompositeId parse(String written) {
        String text = Normalizer.normalize(written, Normalizer.Form.NFC);
        Parser parser = new Parser(text);
        CompositeId id = parser.id();
        parser.skipSpaces();
        if (parser.at < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
        }
        return id;
    }

    @Override
    public String toString() {
        if (!composite()) {
            return name;
        }
        StringBuilder text = new StringBuilder(operator.label()).append('(');
        for (int i = 0; i < children.size(); i++) {
            text.append(i == 0 ? "" : ",").append(children.get(i));
        }
        return text.append(')').toString();
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        CompositeId id() {
            skipSpaces();
            int start = at;
            while (at < text.length() && nameChar(text.codePointAt(at))) {
                at += Character.charCount(text.codePointAt(at));
            }
            if (start == at) {
                throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "'" : "an id is missing");
            }
            String word = text.substring(start, at);
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != '(') {
                return name(word);
            }
            Operator operator;
            try {
                operator = Operator.parse(word);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            at++;
            List<CompositeId> children = new ArrayList<>();
            children.add(id());
            skipSpaces();
            while (at < text.length() && text.charAt(at) == ',') {
                at++;
                children.add(id());
                skipSpaces();
            }
            if (at >= text.length() || text.charAt(at) != ')') {
                throw error("expected ',' or ')'");
            }
            at++;
            return of(operator, children);
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(
                    "cannot read environment id '" + text + "' at position " + (at + 1) + ": " + problem);
        }

        /** Letters and digits of any script with their combining marks, as suite task ids allow. */
        private static boolean nameChar(int c) {
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            return Character.isLetterOrDigit(c) || mark || c == '.' || c == '_' || c == '-' || c == '/' || c == '*';
        }
    }
}
