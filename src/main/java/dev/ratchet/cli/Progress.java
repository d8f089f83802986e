package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignRunner;
import dev.ratchet.campaign.EpisodeRequest;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.report.Figures;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live progress for long commands, always on standard error so that standard output keeps the
 * result: {@code iteration i/N}, the phase with episodes done of its total, the phase's accuracy,
 * spend so far, and the phase's ETA once enough of it has run to extrapolate. On a terminal it
 * redraws one line ({@code \r}) at most every {@link #REDRAW}; elsewhere (a log file, CI) it prints a
 * plain line at most every {@link #PLAIN_EVERY}. Feed it explicitly ({@link #phase}, {@link #episode},
 * {@link #call}) or as a campaign's listener. Time comes from the injected clock and is only ever
 * displayed: progress decides nothing.
 */
public final class Progress implements CampaignRunner.Listener {

    static final Duration REDRAW = Duration.ofMillis(250);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    /**
     * An ETA from the first few episodes of a phase is mostly noise (start-up, a cold cache, the
     * slowest environment first), so it waits for a tenth of the phase and at least this many episodes.
     */
    static final int ETA_MIN_EPISODES = 10;

    private final PrintWriter out;
    private final Clock clock;
    private final boolean terminal;

    private int iteration;
    private Integer maxIterations;
    private String phase;
    private String phaseKey;
    private int total;
    private int done;
    private int passed;
    private int scored;
    private Instant phaseStart;
    private Instant lastDraw;
    private Instant lastPlain;
    private int drawnWidth;
    private long calls;
    private long tokens;
    private double costUsd;

    public Progress(PrintWriter out, Clock clock, boolean terminal) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
        this.lastPlain = clock.instant();
    }

    /** Progress on standard error, redrawing in place only when the process has a terminal. */
    public static Progress onStandardError(Clock clock) {
        return new Progress(
                new PrintWriter(System.err, true, Charset.defaultCharset()), clock, System.console() != null);
    }

    /** A new iteration; {@code max} is the configured maximum, or null when unbounded. */
    public void iteration(int n, Integer max) {
        iteration = n;
        maxIterations = max;
    }

    /** A new phase of {@code totalEpisodes} episodes (0 when unknown); a terminal keeps its one line. */
    public void phase(String name, int totalEpisodes) {
        phase = name;
        phaseKey = name;
        total = Math.max(0, totalEpisodes);
        done = 0;
        passed = 0;
        scored = 0;
        lastDraw = null;
        phaseStart = clock.instant();
    }

    /** One episode finished with {@code outcome} pass, fail or infra; infra is left out of accuracy. */
    public void episode(String outcome) {
        if (phase == null) {
            phase("episodes", 0);
        }
        done++;
        if (!"infra".equals(outcome)) {
            scored++;
            passed += "pass".equals(outcome) ? 1 : 0;
        }
        if (total > 0 && done > total) {
            total = 0;
        }
        update();
    }

    /** One model call and what it cost. */
    public void call(long callTokens, double callCostUsd) {
        calls++;
        tokens += callTokens;
        costUsd += callCostUsd;
        if (terminal && phase != null) {
            update();
        }
    }

    /** The shell is about to run these episodes: one stage of one iteration, so their count is its total. */
    @Override
    public void episodesPlanned(List<EpisodeRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        EpisodeRequest first = requests.get(0);
        String key = key(first.phase(), first.episodeId());
        phase(name(first.phase(), first.episodeId()), requests.size());
        phaseKey = key;
    }

    /** Derives progress from a campaign's events, as they are appended or replayed. */
    @Override
    public void accept(Event e) {
        if (e instanceof IterationStarted s) {
            iteration(s.iteration(), maxIterations);
        } else if (e instanceof EpisodeScored s) {
            String key = key(s.phase(), s.episodeId());
            if (!key.equals(phaseKey)) {
                // Without a plan (an eval, an older caller) the total is unknown.
                phase(name(s.phase(), s.episodeId()), 0);
                phaseKey = key;
            }
            episode(s.outcome());
        } else if (e instanceof ModelCallRecorded c) {
            call(c.usage().total(), c.costUsd());
        } else if (e instanceof CampaignStopped s) {
            finish("stopped: " + s.reason() + " (" + s.detail() + ")");
        }
    }

    /**
     * The gate's stage, read from the episode id's tag ({@code i3/cand-2@screen.17/...}: stage 1,
     * {@code i3/baseline@confirm-2.5/...}: chunk 2 of stage 2); null outside the gate.
     */
    static String gateStage(String episodeId) {
        String[] parts = episodeId.split("/", 3);
        if (parts.length < 2) {
            return null;
        }
        int at = parts[1].indexOf('@');
        int dot = parts[1].lastIndexOf('.');
        return at < 0 || dot < at ? null : parts[1].substring(at + 1, dot);
    }

    /** What a person calls the phase: the gate by stage (screen, confirm), never by arm. */
    static String name(String phase, String episodeId) {
        String stage = gateStage(episodeId);
        if (stage == null) {
            return "confirm".equals(phase) ? "confirm split" : phase;
        }
        if ("audit".equals(phase)) {
            // <audit>.<step>.c<chunk>: recheck-1.0.c2 is comparison 1, chunk 3 of recheck-1
            String[] p = stage.split("\\.");
            return p.length == 3
                    ? p[0] + " comparison " + (Integer.parseInt(p[1]) + 1) + ", chunk "
                            + (Integer.parseInt(p[2].substring(1)) + 1)
                    : "audit " + stage;
        }
        if (stage.startsWith("confirm-")) {
            return "gate stage 2 (confirm), chunk " + (Integer.parseInt(stage.substring("confirm-".length())) + 1);
        }
        return "screen".equals(stage) ? "gate stage 1 (screen)" : "gate " + stage;
    }

    private static String key(String phase, String episodeId) {
        String stage = gateStage(episodeId);
        return stage == null ? phase : "gate@" + stage;
    }

    /** Closes the current line and prints a final one: where it ended, why, and the spend. */
    public void finish(String summary) {
        endLine();
        List<String> parts = position();
        parts.add(summary);
        parts.add(spend());
        out.println(String.join(" · ", parts));
        out.flush();
    }

    /** The status as one line of text. */
    String line() {
        List<String> parts = position();
        parts.add(spend());
        String eta = eta();
        if (eta != null) {
            parts.add("ETA " + eta);
        }
        return String.join(" · ", parts);
    }

    private List<String> position() {
        List<String> parts = new ArrayList<>();
        if (iteration > 0) {
            parts.add("iteration " + iteration + (maxIterations == null ? "" : "/" + maxIterations));
        }
        parts.add((phase == null ? "episodes" : phase) + " " + done + (total > 0 ? "/" + total : ""));
        parts.add("acc " + (scored == 0 ? "-" : Figures.percent((double) passed / scored)));
        return parts;
    }

    private String spend() {
        return calls + " calls · " + Figures.count(tokens) + " tokens · " + Figures.usd(costUsd);
    }

    private String eta() {
        if (total <= 0 || done >= total || phaseStart == null) {
            return null;
        }
        if (done < ETA_MIN_EPISODES || done * 10L < total) {
            return null;
        }
        long elapsed = Duration.between(phaseStart, clock.instant()).toMillis();
        long remaining = elapsed * (total - done) / done;
        return Figures.duration(remaining);
    }

    private void update() {
        Instant now = clock.instant();
        if (terminal) {
            boolean last = total > 0 && done == total;
            if (lastDraw == null || last || Duration.between(lastDraw, now).compareTo(REDRAW) >= 0) {
                redraw();
                lastDraw = now;
            }
            return;
        }
        if (Duration.between(lastPlain, now).compareTo(PLAIN_EVERY) >= 0) {
            lastPlain = now;
            out.println(line());
            out.flush();
        }
    }

    private void redraw() {
        String text = line();
        int pad = Math.max(0, drawnWidth - text.length());
        out.print("\r" + text + " ".repeat(pad));
        out.flush();
        drawnWidth = text.length();
    }

    /** Ends a redrawn line, so that a message printed next starts on a line of its own. */
    public void endLine() {
        if (terminal && drawnWidth > 0) {
            out.println();
            out.flush();
        }
        drawnWidth = 0;
    }
}
