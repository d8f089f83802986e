package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenStringsTest {

    @Test
    void aMatchingHashIsARepeatOnlyWhenTheRegeneratedStringIsEqual() {
        SeenStrings seen = new SeenStrings();
        seen.add("prompt", 7);
        List<Long> asked = new ArrayList<>();
        assertTrue(seen.contains("prompt", o -> {
            asked.add(o);
            return "prompt";
        }));
        // The same hash, but the origin regenerates another string: a collision, not a repeat.
        assertFalse(seen.contains("prompt", o -> "another prompt"));
        assertEquals(List.of(7L), asked);
    }

    @Test
    void manyStringsSurviveGrowthWithTheirOrigins() {
        SeenStrings seen = new SeenStrings();
        for (int i = 0; i < 5_000; i += 2) {
            seen.add("s" + i, i);
        }
        for (int i = 0; i < 5_000; i++) {
            String s = "s" + i;
            assertEquals(i % 2 == 0, seen.contains(s, o -> "s" + o), s);
        }
    }
}
