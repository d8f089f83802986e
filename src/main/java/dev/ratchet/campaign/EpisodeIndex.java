package dev.ratchet.campaign;

import dev.ratchet.log.event.EpisodeScored;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recorded episodes by key, as an immutable value: a view of the first {@code size} entries of an
 * append-only table that it shares with the views folded before it. Recording an episode appends
 * one entry instead of copying every episode so far, which made folding a gate decision of a few
 * thousand episodes quadratic. Adding to a view that is not the newest one (folding on from an
 * older state) copies what that view sees first, so no view ever changes.
 */
final class EpisodeIndex {

    private record Entry(int index, EpisodeScored episode) {}

    /** The shared table and how many entries have been appended to it. */
    private static final class Table {
        final Map<String, Entry> entries = new ConcurrentHashMap<>();
        int end;
    }

    private final Table table;
    private final int size;

    private EpisodeIndex(Table table, int size) {
        this.table = table;
        this.size = size;
    }

    static EpisodeIndex empty() {
        return new EpisodeIndex(new Table(), 0);
    }

    Optional<EpisodeScored> get(String key) {
        Entry e = table.entries.get(key);
        return e != null && e.index() < size ? Optional.of(e.episode()) : Optional.empty();
    }

    EpisodeIndex with(String key, EpisodeScored episode) {
        synchronized (table) {
            if (table.end == size && !table.entries.containsKey(key)) {
                table.entries.put(key, new Entry(size, episode));
                table.end = size + 1;
                return new EpisodeIndex(table, size + 1);
            }
        }
        Table copy = new Table();
        asMap().forEach((k, e) -> copy.entries.put(k, new Entry(copy.end++, e)));
        copy.entries.put(key, new Entry(copy.end++, episode));
        return new EpisodeIndex(copy, copy.end);
    }

    /** The visible episodes in the order they were recorded. */
    Map<String, EpisodeScored> asMap() {
        Map<String, EpisodeScored> out = new LinkedHashMap<>();
        table.entries.entrySet().stream()
                .filter(e -> e.getValue().index() < size)
                .sorted(Comparator.comparingInt(e -> e.getValue().index()))
                .forEach(e -> out.put(e.getKey(), e.getValue().episode()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpisodeIndex other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return "EpisodeIndex[" + size + " episodes]";
    }
}
