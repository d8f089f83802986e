package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

    private static boolean passes(Value expected, String answer) {
        return ValueCheck.check(expected, answer, true).passed();
    }

    @Test
    void integersAcceptHarmlessFormattingOnly() {
        Value n = Value.of(1234L);
        assertTrue(passes(n, "1234"));
        assertTrue(passes(n, "1,234"));
        assertTrue(passes(n, "+1234"));
        assertTrue(passes(n, "1234."));
        assertTrue(passes(n, "1234.0"));
        assertFalse(passes(n, "12340"));
        assertFalse(passes(n, "1,23,4"));
        assertEquals(FailureKind.FORMAT, ValueCheck.check(n, "about 1234", true).kind());
        assertEquals(FailureKind.WRONG_VALUE, ValueCheck.check(n, "1235", true).kind());
    }

    @Test
    void decimalsCompareByValueButMustBeRounded() {
        Value d = Value.of(new BigDecimal("3.10"));
        assertTrue(passes(d, "3.1"));
        assertTrue(passes(d, "3.100"));
        assertFalse(passes(d, "3.11"));
        assertEquals(FailureKind.FORMAT, ValueCheck.check(d, "3.1041", true).kind());
    }

    @Test
    void listsAcceptBracketsOrNone() {
        Value list = Value.ints(List.of(3L, -1L, 2L));
        assertTrue(passes(list, "[3, -1, 2]"));
        assertTrue(passes(list, "3,-1,2"));
        assertTrue(passes(list, "(3 -1 2)"));
        assertFalse(passes(list, "[3, 2, -1]"));
        assertFalse(passes(list, "[3, -1, 2, 2]"));
        assertTrue(passes(Value.ints(List.of()), "[]"));
        assertTrue(passes(Value.strings(List.of("apple", "pear")), "['apple', \"pear\"]"));
    }

    @Test
    void textIsCaseSensitiveUnlessTheEnvironmentSaysOtherwise() {
        Value day = Value.of("Monday");
        assertTrue(ValueCheck.check(day, "monday", false).passed());
        assertFalse(ValueCheck.check(day, "monday", true).passed());
        assertTrue(ValueCheck.check(day, "\"Monday\"", true).passed());
    }

    @Test
    void booleansAcceptYesAndNo() {
        assertTrue(passes(Value.of(true), "Yes"));
        assertTrue(passes(Value.of(false), "FALSE"));
        assertFalse(passes(Value.of(false), "true"));
    }

    @Test
    void datesAreStrictIso() {
        Value date = Value.of(LocalDate.of(2024, 2, 29));
        assertTrue(passes(date, "2024-02-29"));
        assertEquals(
                FailureKind.FORMAT, ValueCheck.check(date, "29/02/2024", true).kind());
        assertEquals(
                FailureKind.FORMAT, ValueCheck.check(date, "2023-02-29", true).kind());
    }

    @Test
    void graphsIgnoreEdgeOrderAndDirection() {
        Value graph = Value.of(new Graph(3, List.of(new Graph.Edge(0, 1, 4), new Graph.Edge(1, 2, 5))));
        assertEquals("n=3; 0-1:4, 1-2:5", ValueFormat.render(graph));
        assertTrue(passes(graph, "n=3; 2-1:5, 0-1:4"));
        assertFalse(passes(graph, "n=3; 0-1:4, 1-2:6"));
        assertFalse(passes(graph, "n=4; 0-1:4, 1-2:5"));
    }

    @Test
    void tablesReadOneLineOrOneRowPerLine() {
        Value table = Value.of(new Table(List.of("name", "age"), List.of(List.of("Ann", "31"))));
        assertEquals("name,age; Ann,31", ValueFormat.render(table));
        assertTrue(passes(table, "name, age\nAnn, 31"));
        assertFalse(passes(table, "name,age; Ann,32"));
    }

    @Test
    void renderedValuesParseBack() {
        List<Value> values = List.of(
                Value.of(-7L),
                Value.of(new BigDecimal("0.50")),
                Value.of("a b"),
                Value.strings(List.of("x", "y")),
                Value.of(LocalDate.of(1999, 12, 31)),
                Value.of(new Graph(1, List.of())));
        for (Value value : values) {
            assertEquals(
                    value,
                    ValueFormat.parse(value.type(), ValueFormat.render(value)).orElseThrow());
        }
    }
}
