package dev.ratchet.env.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompositeIdTest {

    @Test
    void parsesNestedIdsAndPrintsThemCanonically() {
        CompositeId id = CompositeId.parse(" par( seq(arith.add , nt.divisors), sort(a,b) ,suite/q-1 ) ");
        assertEquals("par(seq(arith.add,nt.divisors),sort(a,b),suite/q-1)", id.toString());
        assertEquals(Operator.PARALLEL, id.operator());
        assertEquals(3, id.children().size());
        assertEquals(id, CompositeId.parse(id.toString()));
    }

    @Test
    void aPlainNameIsNotComposite() {
        CompositeId id = CompositeId.parse("arith.add");
        assertFalse(id.composite());
        assertEquals("arith.add", id.toString());
    }

    @Test
    void operatorsMayBeSpelledOut() {
        assertTrue(CompositeId.parse("sequential(a,b)").composite());
        assertEquals("seq(a,b)", CompositeId.parse("Sequential(a,b)").toString());
    }

    @Test
    void malformedIdsNameThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompositeId.parse("seq(a,b"));
        assertTrue(e.getMessage().contains("position 8"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompositeId.parse("loop(a,b)"))
                .getMessage()
                .contains("unknown operator 'loop'"));
        assertThrows(IllegalArgumentException.class, () -> CompositeId.parse("seq(a,,b)"));
        assertThrows(IllegalArgumentException.class, () -> CompositeId.parse("a b"));
        assertThrows(IllegalArgumentException.class, () -> CompositeId.parse(""));
    }
}
