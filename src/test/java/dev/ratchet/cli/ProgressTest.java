package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.Event;
import dev.ratchet.projection.SyntheticCampaign;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StringWriter text = new StringWriter();
    private final ManualClock clock = new ManualClock();

    private Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(text), clock, terminal);
    }

    @Test
    void off_a_terminal_it_prints_plain_lines_at_each_tenth() {
        Progress p = progress(false);
        p.iteration(3, 10);
        p.phase("batch", 40);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(2));
            p.call(1000, 0.01);
            p.episode(i % 4 == 0 ? "fail" : "pass");
        }
        List<String> lines = text.toString().lines().toList();
        assertFalse(text.toString().contains("\r"));
        assertEquals(11, lines.size(), "the first episode, then every 10 %: " + lines);
        assertEquals(
                "iteration 3/10 · batch 1/40 · acc 0.0% · 1 calls · 1.0k tokens · $0.0100 · ETA 1 min 18 s",
                lines.get(0));
        assertEquals("iteration 3/10 · batch 40/40 · acc 75.0% · 40 calls · 40.0k tokens · $0.40", lines.get(10));
    }

    @Test
    void the_eta_extrapolates_the_phase_so_far() {
        Progress p = progress(false);
        p.phase("eval", 20);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(2));
            p.episode("pass");
        }
        assertTrue(p.line().endsWith("ETA 30.0 s"), p.line());
    }

    @Test
    void on_a_terminal_it_redraws_one_line_and_throttles_redraws_leaving_infra_out_of_accuracy() {
        Progress p = progress(true);
        p.phase("eval", 100);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(50));
            p.episode(i % 10 == 0 ? "infra" : "pass");
        }
        String out = text.toString();
        assertFalse(out.contains("\n"), "one line, redrawn in place");
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 19 && redraws <= 22, "every 250 ms of 5 s, plus the last: " + redraws);
        assertTrue(out.stripTrailing().endsWith("\reval 100/100 · acc 100.0% · 0 calls · 0 tokens · $0"), out);
        p.finish("done");
        assertTrue(text.toString().endsWith("\ndone · 0 calls · 0 tokens · $0" + System.lineSeparator()));
    }

    @Test
    void an_unknown_total_prints_every_fifty_episodes_without_an_eta() {
        Progress p = progress(false);
        p.phase("confirm", 0);
        for (int i = 0; i < 120; i++) {
            p.episode("pass");
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(
                List.of(
                        "confirm 50 · acc 100.0% · 0 calls · 0 tokens · $0",
                        "confirm 100 · acc 100.0% · 0 calls · 0 tokens · $0"),
                lines);
    }

    @Test
    void a_campaign_s_events_drive_it() {
        Progress p = progress(false);
        for (Event e : SyntheticCampaign.events()) {
            clock.advance(Duration.ofMillis(100));
            p.accept(e);
        }
        String out = text.toString();
        assertTrue(out.contains("iteration 1 · batch 12/12 · acc 50.0%"), out);
        assertTrue(out.contains("iteration 1 · probe: baseline 16/16 · acc 50.0%"), out);
        assertTrue(out.contains("iteration 1 · probe: candidate 2 16/16"), out);
        assertTrue(out.contains("iteration 2 · batch 12/12 · acc 54.5%"), "infra left out of accuracy: " + out);
        assertTrue(
                out.endsWith(
                        "stopped: iterations (reached the maximum of 4 iterations) · 184 calls · 90.7k tokens · $0.0152"
                                + System.lineSeparator()),
                out);
    }
}
