package dev.ratchet.bench;

import dev.ratchet.campaign.LoopState;
import dev.ratchet.log.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Time per event of folding a campaign with {@link LoopState}, on prefixes of one synthetic
 * campaign of 1%, 10% and 100% of {@code events}. A fold whose per-event cost grows with the state
 * it has built (copying maps or lists on every event) shows as a ratio well above 1 between the
 * longest and the shortest prefix; the shortest prefix is the baseline.
 */
public final class FoldBenchmark {

    private final int events;
    private final int repetitions;
    private final Consumer<String> progress;

    public FoldBenchmark(int events, int repetitions, Consumer<String> progress) {
        if (events < 100 || repetitions < 1) {
            throw new IllegalArgumentException("events must be >= 100 and repetitions >= 1");
        }
        this.events = events;
        this.repetitions = repetitions;
        this.progress = progress;
    }

    public List<Figure> run() {
        List<Event> campaign = SyntheticCampaign.events(events);
        List<Integer> sizes = List.of(events / 100, events / 10, events);
        progress.accept(String.format(
                Locale.ROOT,
                "bench fold: prefixes of %,d, %,d and %,d events, %d repetitions",
                sizes.get(0),
                sizes.get(1),
                sizes.get(2),
                repetitions));
        // The JIT compiles the fold during a first pass; timing it would charge compilation to the smallest size.
        fold(campaign.subList(0, sizes.get(1)));
        double[][] nanosPerEvent = new double[sizes.size()][repetitions];
        for (int r = 0; r < repetitions; r++) {
            // Sizes alternate within a repetition so that a noisy spell on a shared machine hits all of them.
            for (int s = 0; s < sizes.size(); s++) {
                nanosPerEvent[s][r] = fold(campaign.subList(0, sizes.get(s))) / (double) sizes.get(s);
            }
        }
        double baseline = Figure.median(nanosPerEvent[0]);
        String baselineName = String.format(Locale.ROOT, "per event at %,d", sizes.get(0));
        List<Figure> figures = new ArrayList<>();
        for (int s = 0; s < sizes.size(); s++) {
            figures.add(new Figure(
                    String.format(Locale.ROOT, "fold of %,d events", sizes.get(s)),
                    Figure.median(nanosPerEvent[s]),
                    "ns/event",
                    baseline,
                    baselineName));
        }
        return figures;
    }

    /** Nanoseconds to fold {@code events} from the initial state. */
    private static long fold(List<Event> events) {
        // Garbage left by the previous fold is collected before timing, not during it.
        System.gc();
        long start = System.nanoTime();
        LoopState state = LoopState.of(events);
        long elapsed = System.nanoTime() - start;
        // Reading the result keeps the JIT from discarding a fold whose state is never used.
        if (state.current() == null) {
            throw new IllegalStateException("the fold lost its iteration");
        }
        return elapsed;
    }
}
