package dev.ratchet.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignTestTest {

    @Test
    void exactOneSidedTails() {
        assertEquals(1.0, SignTest.pValue(0, 0));
        assertEquals(0.5, SignTest.pValue(1, 0));
        assertEquals(1.0 / 32, SignTest.pValue(5, 0), 1e-15);
        assertEquals(6.0 / 32, SignTest.pValue(4, 1), 1e-15);
        assertEquals(1.0, SignTest.pValue(0, 5));
        // 8 better, 1 worse: P(X >= 8 | n = 9) = (9 + 1) / 512.
        assertEquals(10.0 / 512, SignTest.pValue(8, 1), 1e-15);
    }
}
