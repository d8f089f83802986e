package dev.ratchet.cli;

import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.report.Figures;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live progress for long commands: iteration, episodes done of the current phase's total, the
 * phase's accuracy, spend so far and an ETA. On a terminal it redraws one line ({@code \r}) at most
 * every {@link #REDRAW}; elsewhere (a log file, CI) it prints plain lines, one per tenth of the phase
 * or every {@link #UNKNOWN_TOTAL_STEP} episodes when the total is unknown. Feed it explicitly
 * ({@link #phase}, {@link #episode}, {@link #call}) or with the events a command appends ({@link
 * #accept}). Time comes from the injected clock and is only ever displayed: progress decides nothing.
 */
public final class Progress {

    static final Duration REDRAW = Duration.ofMillis(250);
    static final int UNKNOWN_TOTAL_STEP = 50;

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
    private int lastStep = -1;
    private Instant lastDraw;
    private int drawnWidth;
    private long calls;
    private long tokens;
    private double costUsd;
    private int probeSize;
    private int probeSamples = 1;
    private int candidates;

    public Progress(PrintWriter out, Clock clock, boolean terminal) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
    }

    /** Progress on standard output, redrawing in place only when it is an interactive terminal. */
    public static Progress onStandardOutput(Clock clock) {
        return new Progress(new PrintWriter(System.out, true), clock, System.console() != null);
    }

    /** A new iteration; {@code max} is the configured maximum, or null when unbounded. */
    public void iteration(int n, Integer max) {
        iteration = n;
        maxIterations = max;
    }

    /** A new phase of {@code totalEpisodes} episodes (0 when unknown); the previous one's line is closed. */
    public void phase(String name, int totalEpisodes) {
        endLine();
        phase = name;
        phaseKey = name;
        total = Math.max(0, totalEpisodes);
        done = 0;
        passed = 0;
        scored = 0;
        lastStep = -1;
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

    /** Derives progress from a campaign's events, as they are appended or replayed. */
    public void accept(Event e) {
        if (e instanceof IterationStarted s) {
            iteration(s.iteration(), maxIterations);
            candidates = 0;
            phase("batch", s.batch().size());
        } else if (e instanceof ProbeBuilt p) {
            probeSize = p.items().size();
            probeSamples = 1;
        } else if (e instanceof EpisodeScored s) {
            episodeEvent(s);
        } else if (e instanceof ModelCallRecorded c) {
            call(c.usage().total(), c.costUsd());
        } else if (e instanceof CampaignStopped s) {
            finish("stopped: " + s.reason() + " (" + s.detail() + ")");
        }
    }

    private void episodeEvent(EpisodeScored s) {
        boolean probe = "baseline".equals(s.phase()) || "candidate".equals(s.phase());
        String key = s.phase() + "@" + s.libraryVersion();
        if (probe) {
            probeSamples = Math.max(probeSamples, s.sample() + 1);
        }
        if (!key.equals(phaseKey) && !("batch".equals(s.phase()) && "batch".equals(phase))) {
            String name = "candidate".equals(s.phase())
                    ? "probe: candidate " + ++candidates
                    : "baseline".equals(s.phase()) ? "probe: baseline" : s.phase();
            phase(name, probe ? probeSize : 0);
            phaseKey = key;
        }
        if (probe && probeSize > 0) {
            total = Math.max(total, probeSize * probeSamples);
        }
        episode(s.outcome());
    }

    /** Closes the current line and prints a final one. */
    public void finish(String summary) {
        endLine();
        out.println(summary + " · " + spend());
        out.flush();
    }

    /** The status as one line of text. */
    String line() {
        List<String> parts = new ArrayList<>();
        if (iteration > 0) {
            parts.add("iteration " + iteration + (maxIterations == null ? "" : "/" + maxIterations));
        }
        parts.add((phase == null ? "episodes" : phase) + " " + done + (total > 0 ? "/" + total : ""));
        parts.add("acc " + (scored == 0 ? "-" : Figures.percent((double) passed / scored)));
        parts.add(spend());
        String eta = eta();
        if (eta != null) {
            parts.add("ETA " + eta);
        }
        return String.join(" · ", parts);
    }

    private String spend() {
        return calls + " calls · " + Figures.count(tokens) + " tokens · " + Figures.usd(costUsd);
    }

    private String eta() {
        if (total <= 0 || done == 0 || done >= total || phaseStart == null) {
            return null;
        }
        long elapsed = Duration.between(phaseStart, clock.instant()).toMillis();
        long remaining = elapsed * (total - done) / done;
        return Figures.duration(remaining);
    }

    private void update() {
        if (terminal) {
            Instant now = clock.instant();
            boolean last = total > 0 && done == total;
            if (lastDraw == null || last || Duration.between(lastDraw, now).compareTo(REDRAW) >= 0) {
                redraw();
                lastDraw = now;
            }
            return;
        }
        int step = total > 0 ? done * 10 / total : done / UNKNOWN_TOTAL_STEP;
        if (step > lastStep && (total > 0 || done % UNKNOWN_TOTAL_STEP == 0)) {
            lastStep = step;
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

    private void endLine() {
        if (terminal && drawnWidth > 0) {
            out.println();
            out.flush();
        }
        drawnWidth = 0;
    }
}
