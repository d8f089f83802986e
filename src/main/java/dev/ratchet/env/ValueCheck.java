package dev.ratchet.env;

import java.util.Optional;

/** Checks one answer against one expected value: pass, unparseable (format) or wrong value. */
public final class ValueCheck {

    private ValueCheck() {}

    /** {@code answer} is the already extracted answer text. */
    public static Outcome check(Value expected, String answer, boolean caseSensitive) {
        Value parsed = null;
        for (String reading : Answers.readings(answer)) {
            Optional<Value> value = ValueFormat.parse(expected.type(), reading);
            if (value.isPresent()) {
                if (ValueFormat.matches(expected, value.get(), caseSensitive)) {
                    return Outcome.pass();
                }
                parsed = parsed == null ? value.get() : parsed;
            }
        }
        if (parsed == null) {
            return Outcome.format("expected " + AnswerFormat.placeholder(expected.type()) + ", got " + quoted(answer));
        }
        return Outcome.wrongValue("expected " + ValueFormat.render(expected) + ", got " + ValueFormat.render(parsed));
    }

    /** The answer for a message, shortened so one bad reply cannot flood a log line. */
    public static String quoted(String answer) {
        String shown = answer.length() > 80 ? answer.substring(0, 77) + "..." : answer;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
