package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void derivationIsPinned() {
        // Changing the derivation changes every instance and breaks replay of recorded campaigns.
        // Values computed independently: SHA-256 over the big-endian seed and length-prefixed parts.
        assertEquals(-5_812_615_543_772_869_766L, Seeds.derive(0));
        assertEquals(1_650_864_779_308_976_555L, Seeds.derive(42, "split", "train"));
    }

    @Test
    void partsAreLengthPrefixed() {
        assertNotEquals(Seeds.derive(1, "ab", "c"), Seeds.derive(1, "a", "bc"));
        assertNotEquals(Seeds.derive(1, "a"), Seeds.derive(2, "a"));
        assertNotEquals(Seeds.derive(1), Seeds.derive(1, ""));
    }

    @Test
    void splitMixOutputIsPinned() {
        // SplitMix64 reference output for seed 0; the generator must not follow JDK changes.
        assertEquals(0xE220A8397B1DCDAFL, Rng.of(0).nextLong());
    }

    @Test
    void boundedDrawsStayInRange() {
        Rng rng = Rng.of(3);
        for (int i = 0; i < 10_000; i++) {
            long value = rng.between(-5, 5);
            assertTrue(value >= -5 && value <= 5, "out of range: " + value);
            assertTrue(rng.below(BigInteger.valueOf(1_000_000_007L)).compareTo(BigInteger.valueOf(1_000_000_007L)) < 0);
        }
        assertThrows(IllegalArgumentException.class, () -> rng.below(0));
    }
}
