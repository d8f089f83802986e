package dev.ratchet.env.base;

import dev.ratchet.env.Tool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The {@code calculator} tool some environments offer beside their lookup tools: exact decimal
 * arithmetic with {@code + - * /}, parentheses and unary minus. Sums, differences and products are
 * exact; a quotient keeps 12 decimals (halves away from zero), so the tool never rounds silently
 * where a task asks for 2.
 */
final class Calculator {

    static final Tool TOOL = new Tool(
            "calculator",
            "Evaluates an arithmetic expression exactly: decimal numbers, + - * /, parentheses.",
            List.of(Tool.Parameter.string("expression", "the expression, e.g. (12.5 + 3) * 4 / 7")),
            arguments -> evaluate(arguments.string("expression")));

    private static final int MAX_LENGTH = 200;
    private static final int QUOTIENT_SCALE = 12;

    private final String text;
    private int position;

    private Calculator(String text) {
        this.text = text;
    }

    /** The value of {@code expression}, written without exponent or trailing zeros. */
    static String evaluate(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("expressions are at most " + MAX_LENGTH + " characters");
        }
        Calculator parser = new Calculator(expression);
        BigDecimal value = parser.sum();
        parser.skipSpace();
        if (parser.position < expression.length()) {
            throw parser.error("unexpected '" + expression.charAt(parser.position) + "'");
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private BigDecimal sum() {
        BigDecimal value = product();
        for (char op = peek(); op == '+' || op == '-'; op = peek()) {
            position++;
            BigDecimal right = product();
            value = op == '+' ? value.add(right) : value.subtract(right);
        }
        return value;
    }

    private BigDecimal product() {
        BigDecimal value = factor();
        for (char op = peek(); op == '*' || op == '/'; op = peek()) {
            position++;
            BigDecimal right = factor();
            if (op == '*') {
                value = value.multiply(right);
            } else if (right.signum() == 0) {
                throw error("division by zero");
            } else {
                value = value.divide(right, QUOTIENT_SCALE, RoundingMode.HALF_UP);
            }
        }
        return value;
    }

    private BigDecimal factor() {
        char c = peek();
        if (c == '-') {
            position++;
            return factor().negate();
        }
        if (c == '(') {
            position++;
            BigDecimal value = sum();
            if (peek() != ')') {
                throw error("missing ')'");
            }
            position++;
            return value;
        }
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (start == position) {
            throw error(position < text.length() ? "unexpected '" + text.charAt(position) + "'" : "missing a number");
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw error("'" + text.substring(start, position) + "' is not a number");
        }
    }

    private char peek() {
        skipSpace();
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException(why + " at position " + (position + 1) + " of the expression");
    }
}
