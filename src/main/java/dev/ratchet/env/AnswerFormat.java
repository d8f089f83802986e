package dev.ratchet.env;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sentences that tell the agent exactly how to write an answer of each type. */
public final class AnswerFormat {

    private AnswerFormat() {}

    /** A short placeholder such as {@code <integer>}. */
    public static String placeholder(ValueType type) {
        return switch (type) {
            case INTEGER -> "<integer>";
            case DECIMAL -> "<number>";
            case BOOLEAN -> "<true or false>";
            case STRING -> "<text>";
            case INT_LIST, STRING_LIST -> "<list>";
            case DATE -> "<date>";
            case GRAPH -> "<graph>";
            case TABLE -> "<table>";
        };
    }

    /** What a value of the type looks like, with an example. */
    public static String explanation(ValueType type) {
        return switch (type) {
            case INTEGER -> "an integer is written in digits, e.g. `-17`";
            case DECIMAL -> "a number is rounded to 2 decimal places, e.g. `3.14`";
            case BOOLEAN -> "a truth value is `true` or `false`";
            case STRING -> "text is written as is, without quotes, e.g. `abc def`";
            case INT_LIST -> "a list of integers is written in square brackets, e.g. `[3, -1, 2]` (`[]` if empty)";
            case STRING_LIST -> "a list of words is written in square brackets without quotes, e.g. `[apple, pear]`";
            case DATE -> "a date is written as YYYY-MM-DD, e.g. `2024-03-01`";
            case GRAPH -> "a graph is written as its node count and its edges u-v:weight with u < v, "
                    + "e.g. `n=4; 0-1:3, 2-3:5`";
            case TABLE -> "a table is written on one line, header first, rows separated by `;` and cells by `,`, "
                    + "e.g. `name,age; Ann,31`";
        };
    }

    /** The closing instruction of a single-answer task. */
    public static String single(ValueType type) {
        return "End your reply with the answer on its own last line as `Answer: " + placeholder(type) + "`; "
                + explanation(type) + ".";
    }

    /**
     * The closing instruction of a task with numbered answers: one placeholder per answer, then the
     * notes that explain how each kind of value is written.
     */
    public static String numbered(List<String> placeholders, List<String> notes) {
        StringBuilder text = new StringBuilder("End your reply with one line per answer, in this order:\n");
        for (int i = 0; i < placeholders.size(); i++) {
            text.append("Answer ")
                    .append(i + 1)
                    .append(": ")
                    .append(placeholders.get(i))
                    .append('\n');
        }
        Set<String> distinct = new LinkedHashSet<>(notes);
        return text.append("Here ")
                .append(String.join("; ", distinct))
                .append('.')
                .toString();
    }
}
