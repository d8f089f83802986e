package dev.ratchet.env.base;

import dev.ratchet.env.Graph;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared input generators and wording helpers for the built-in environments. */
final class Draw {

    static final List<String> WORDS = List.of(
            "apple", "river", "stone", "cloud", "maple", "tiger", "lemon", "piano", "candle", "forest", "garden",
            "harbor", "island", "jacket", "kettle", "ladder", "marble", "needle", "orange", "pepper", "quartz",
            "rabbit", "saddle", "tunnel", "velvet", "walnut", "yellow", "zebra", "anchor", "bottle", "copper", "dragon",
            "engine", "falcon", "ginger", "hollow", "igloo", "jungle", "koala", "lizard", "meadow", "nectar", "oyster",
            "parrot", "rocket", "silver", "tomato", "violet", "window", "banana", "cactus", "desert", "ember", "fossil",
            "glacier", "hammer", "lantern", "mirror", "noodle", "otter", "pebble", "riddle", "sparrow", "thistle");

    static final List<String> NAMES = List.of(
            "Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gus", "Hana", "Ivo", "Jade", "Kai", "Lea", "Milo", "Nina",
            "Omar", "Pia", "Quin", "Rosa", "Sami", "Tara", "Uma", "Vito", "Wren", "Yara", "Zed");

    static final List<String> CITIES = List.of("Oslo", "Lima", "Pune", "Kyiv", "Nice", "Bern", "Cork");

    private Draw() {}

    static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** Uniform in {@code (-bound, bound)}. */
    static long signed(Rng rng, long bound) {
        return rng.between(-(bound - 1), bound - 1);
    }

    static List<Long> ints(Rng rng, int count, long low, long high) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(rng.between(low, high));
        }
        return values;
    }

    static List<String> words(Rng rng, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(rng.pick(WORDS));
        }
        return words;
    }

    /** Words joined by single spaces; from difficulty 3 some words are capitalised. */
    static String phrase(Rng rng, int count, int difficulty) {
        List<String> words = new ArrayList<>();
        for (String word : words(rng, count)) {
            words.add(difficulty >= 3 && rng.chance(40) ? capitalised(word) : word);
        }
        return String.join(" ", words);
    }

    static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** A date whose year range widens with difficulty (2000-2030 up to 1700-2300). */
    static LocalDate date(Rng rng, int difficulty) {
        int[] spans = {15, 40, 100, 200, 300};
        int span = spans[Math.min(difficulty, spans.length) - 1];
        int year = rng.between(2015 - span, 2015 + span);
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(rng.below(first.lengthOfYear()));
    }

    /**
     * A random graph: each node joins an earlier one with high probability (so most graphs are
     * connected), then {@code extra} further edges close cycles.
     */
    static Graph graph(Rng rng, int nodes, int extra, int maxWeight) {
        List<Graph.Edge> edges = new ArrayList<>();
        boolean[][] used = new boolean[nodes][nodes];
        for (int node = 1; node < nodes; node++) {
            if (rng.chance(88)) {
                int other = rng.nextInt(node);
                edges.add(new Graph.Edge(other, node, rng.between(1, maxWeight)));
                used[other][node] = true;
            }
        }
        for (int i = 0; i < extra * 3 && extra > 0; i++) {
            int a = rng.nextInt(nodes);
            int b = rng.nextInt(nodes);
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            if (low != high && !used[low][high]) {
                used[low][high] = true;
                edges.add(new Graph.Edge(low, high, rng.between(1, maxWeight)));
                if (--extra == 0) {
                    break;
                }
            }
        }
        return new Graph(nodes, edges);
    }

    /** A table of people: name, city and age; a score column from difficulty 3; more rows as it grows. */
    static Table people(Rng rng, int difficulty) {
        List<String> columns = new ArrayList<>(List.of("name", "city", "age"));
        if (difficulty >= 3) {
            columns.add("score");
        }
        List<String> names = rng.shuffled(NAMES).subList(0, 3 + difficulty);
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(
                        switch (column) {
                            case "name" -> name;
                            case "city" -> rng.pick(CITIES.subList(0, 2 + difficulty));
                            case "age" -> Long.toString(rng.between(18, 80));
                            default -> Long.toString(rng.between(0, 100));
                        });
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** "1st", "2nd", "3rd", "4th", ... */
    static String ordinal(long n) {
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** A set written in braces, e.g. {@code {1, 4, 7}}. */
    static String set(List<?> items) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        return text.append('}').toString();
    }
}
