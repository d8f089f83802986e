package dev.ratchet.projection;

import dev.ratchet.log.event.Event;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accuracy per environment and iteration, so that a gain in one environment and a loss in another
 * do not cancel out of sight: on the training batch, on the gate's baseline (fresh held-out items,
 * measured once per library version) and on the confirm split. Infrastructure failures are left
 * out, as everywhere.
 *
 * @param rows one per environment and iteration that measured anything, by environment id then
 *     iteration
 */
public record EnvironmentTrends(List<Row> rows) {

    public EnvironmentTrends {
        rows = List.copyOf(rows);
    }

    public static EnvironmentTrends of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<EnvironmentTrends> fold() {
        return new EnvironmentTrendsFold();
    }

    /**
     * One environment in one iteration. {@code gate} counts the baseline's episodes on the gate's
     * fresh items: an iteration whose library version was already measured there runs none.
     */
    public record Row(String envId, int iteration, Rate train, Rate gate, Rate confirm) {
        public Row {
            Objects.requireNonNull(envId, "envId");
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(confirm, "confirm");
        }
    }

    /** Every environment measured, sorted. */
    public List<String> envIds() {
        return rows.stream().map(Row::envId).distinct().sorted().toList();
    }

    public Optional<Row> row(String envId, int iteration) {
        return rows.stream()
                .filter(r -> r.envId().equals(envId) && r.iteration() == iteration)
                .findFirst();
    }

    /** The gate baseline over every environment in {@code iteration}. */
    public Rate gate(int iteration) {
        int passed = 0;
        int total = 0;
        for (Row r : rows) {
            if (r.iteration() == iteration) {
                passed += r.gate().passed();
                total += r.gate().total();
            }
        }
        return new Rate(passed, total);
    }
}
