package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.bench.Proportion;
import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void the_interval_is_wilson_s_which_stays_inside_zero_and_one_at_the_extremes() {
        // Reference values: Newcombe, Statistics in Medicine 17 (1998), table I (method 3).
        Rate some = new Rate(81, 263);
        assertEquals(0.2553, some.low(), 5e-5);
        assertEquals(0.3662, some.high(), 5e-5);
        Rate none = new Rate(0, 10);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 5e-5);
        Rate all = new Rate(10, 10);
        assertEquals(0.7225, all.low(), 5e-5);
        assertEquals(1.0, all.high(), 1e-12);
    }

    @Test
    void it_reads_as_count_percent_and_interval_and_nothing_scored_has_no_interval() {
        assertEquals("69/120 = 57.5% [48.6, 66.0]", new Rate(69, 120).describe());
        assertEquals("0/0", Rate.NONE.describe());
        assertNull(Rate.NONE.low());
        assertNull(Rate.NONE.high());
    }

    @Test
    void calibrate_s_proportions_use_the_same_interval() {
        for (int k = 0; k <= 37; k += 6) {
            Rate r = new Rate(k, 37);
            Proportion p = new Proportion(k, 37);
            assertEquals(r.low(), p.low(), 0.0);
            assertEquals(r.high(), p.high(), 0.0);
            assertTrue(r.low() <= r.accuracy() && r.accuracy() <= r.high());
        }
    }
}
