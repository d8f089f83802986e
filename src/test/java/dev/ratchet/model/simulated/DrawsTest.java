package dev.ratchet.model.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void theNormalCdfInvertsItsInverse() {
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertEquals(p, Draws.normalCdf(Draws.inverseNormal(p)), 1e-6, "p=" + p);
        }
        assertEquals(0.5, Draws.normalCdf(0), 1e-7);
        assertEquals(0.975, Draws.normalCdf(1.959964), 1e-6);
    }

    @Test
    void drawsDependOnEveryPartAndOnTheirBoundaries() {
        assertEquals(Draws.seed(1, "a", "b"), Draws.seed(1, "a", "b"));
        assertNotEquals(Draws.seed(1, "a", "b"), Draws.seed(2, "a", "b"));
        assertNotEquals(Draws.seed(1, "ab", ""), Draws.seed(1, "a", "b"));
    }

    @Test
    void uniformDrawsAreSpreadEvenly() {
        int[] buckets = new int[10];
        for (int i = 0; i < 10_000; i++) {
            buckets[(int) (Draws.uniform(3, Integer.toString(i)) * 10)]++;
        }
        for (int count : buckets) {
            assertEquals(1000, count, 100);
        }
    }
}
