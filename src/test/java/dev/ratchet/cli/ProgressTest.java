package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.EpisodeRequest;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.projection.SyntheticCampaign;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    void off_a_terminal_it_prints_a_plain_line_at_most_every_five_seconds() {
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
        assertEquals(13, lines.size(), "80 s of episodes, a line every 6 s (the first episode 5 s on): " + lines);
        assertEquals("iteration 3/10 · batch 3/40 · acc 66.7% · 3 calls · 3.0k tokens · $0.0300", lines.get(0));
        assertEquals(
                "iteration 3/10 · batch 39/40 · acc 74.4% · 39 calls · 39.0k tokens · $0.39 · ETA 2.0 s",
                lines.get(12));
    }

    @Test
    void the_eta_waits_for_a_tenth_of_the_phase_and_ten_episodes_then_extrapolates_it() {
        Progress p = progress(false);
        p.phase("eval", 200);
        for (int i = 0; i < 19; i++) {
            clock.advance(Duration.ofSeconds(2));
            p.episode("pass");
            assertFalse(p.line().contains("ETA"), "no ETA from " + (i + 1) + " of 200 episodes: " + p.line());
        }
        clock.advance(Duration.ofSeconds(2));
        p.episode("pass");
        assertTrue(p.line().endsWith("ETA 6 min 00 s"), "20 episodes in 40 s, 180 to go: " + p.line());
    }

    @Test
    void on_a_terminal_it_redraws_one_line_across_phases_and_leaves_infra_out_of_accuracy() {
        Progress p = progress(true);
        p.phase("eval", 100);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(50));
            p.episode(i % 10 == 0 ? "infra" : "pass");
        }
        p.phase("confirm split", 10);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(300));
            p.episode("pass");
        }
        String out = text.toString();
        assertFalse(out.contains("\n"), "one line, redrawn in place: " + out);
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 29 && redraws <= 32, "every 250 ms of 5 s, plus the last, then 10: " + redraws);
        assertTrue(out.contains("\reval 100/100 · acc 100.0% · 0 calls · 0 tokens · $0"), out);
        p.finish("done");
        assertTrue(text.toString()
                .endsWith("\nconfirm split 10/10 · acc 100.0% · done · 0 calls · 0 tokens · $0"
                        + System.lineSeparator()));
    }

    @Test
    void an_error_printed_after_a_redrawn_line_starts_on_its_own_line() {
        Progress p = progress(true);
        p.phase("batch", 4);
        p.episode("pass");
        p.endLine();
        p.endLine();
        assertEquals("\rbatch 1/4 · acc 100.0% · 0 calls · 0 tokens · $0" + System.lineSeparator(), text.toString());
    }

    @Test
    void the_gate_s_progress_names_its_stages_with_their_totals_never_a_candidate_count() {
        Progress p = progress(true);
        p.iteration(0, 5);
        p.accept(new IterationStarted(2, "v1", List.of()));
        List<EpisodeRequest> screen = new ArrayList<>();
        for (String arm : List.of("baseline", "cand-1", "cand-2")) {
            for (int j = 0; j < 4; j++) {
                screen.add(request("i2/" + arm + "@screen." + j + "/arith.add@" + j + "/d1/s0", arm));
            }
        }
        p.episodesPlanned(screen);
        for (EpisodeRequest r : screen.subList(0, 6)) {
            clock.advance(Duration.ofSeconds(1));
            p.accept(scored(r, "pass"));
        }
        assertEquals("iteration 2/5 · gate stage 1 (screen) 6/12 · acc 100.0% · 0 calls · 0 tokens · $0", p.line());
        List<EpisodeRequest> chunk = List.of(
                request("i2/baseline@confirm-1.0/arith.add@9/d1/s0", "baseline"),
                request("i2/cand-2@confirm-1.0/arith.add@9/d1/s0", "cand-2"));
        p.episodesPlanned(chunk);
        p.accept(scored(chunk.get(0), "fail"));
        assertEquals(
                "iteration 2/5 · gate stage 2 (confirm), chunk 2 1/2 · acc 0.0% · 0 calls · 0 tokens · $0", p.line());
        p.accept(scored(request("i2/confirm/arith.add@3/d1/s0", "confirm"), "pass"));
        assertTrue(p.line().startsWith("iteration 2/5 · confirm split 1 · "), p.line());
        assertFalse(text.toString().contains("candidate"), text.toString());
    }

    private static EpisodeRequest request(String id, String arm) {
        String phase = arm.equals("confirm") ? "confirm" : arm.equals("baseline") ? "baseline" : "candidate";
        return new EpisodeRequest(
                id, 2, phase, arm.equals("confirm") ? "confirm" : "gate", "arith.add@1/d1", "arith.add", 1, 1, "v", 0);
    }

    private static EpisodeScored scored(EpisodeRequest r, String outcome) {
        return new EpisodeScored(
                r.episodeId(),
                r.iteration(),
                r.phase(),
                r.split(),
                r.instanceId(),
                r.envId(),
                r.libraryVersion(),
                r.sample(),
                outcome,
                "pass".equals(outcome) ? "none" : "wrong-value",
                null,
                "42",
                "stop",
                1,
                List.of());
    }

    @Test
    void a_campaign_s_events_drive_it() {
        Progress p = progress(false);
        p.iteration(0, 4);
        for (Event e : SyntheticCampaign.events()) {
            clock.advance(Duration.ofSeconds(1));
            p.accept(e);
        }
        String out = text.toString();
        assertTrue(out.contains("iteration 1/4 · batch "), out);
        assertTrue(out.contains("iteration 2/4 · baseline "), out);
        List<String> lines = out.lines().toList();
        assertTrue(
                lines.get(lines.size() - 1).startsWith("iteration 4/4 · "),
                "the last line says where it ended: " + out);
        assertTrue(
                out.endsWith(
                        " · stopped: iterations (reached the maximum of 4 iterations) · 184 calls · 90.7k tokens · $0.0152"
                                + System.lineSeparator()),
                out);
    }
}
