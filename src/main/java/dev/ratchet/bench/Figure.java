package dev.ratchet.bench;

import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One benchmark figure: the median of our measurements and of a baseline measured in the same
 * run. {@code ratio} is ours / baseline; whether higher is better depends on the unit.
 */
public record Figure(String name, double median, String unit, double baselineMedian, String baselineName) {

    public double ratio() {
        return median / baselineMedian;
    }

    public static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void print(List<Figure> figures, boolean json, PrintWriter out) {
        for (Figure f : figures) {
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", f.name());
                o.put("median", f.median());
                o.put("unit", f.unit());
                o.put("baseline_median", f.baselineMedian());
                o.put("ratio", f.ratio());
                o.put("baseline", f.baselineName());
                out.println(Json.write(o));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%-28s %14s %-9s baseline %14s (%s)  ratio %.2f%n",
                        f.name(),
                        format(f.median()),
                        f.unit(),
                        format(f.baselineMedian()),
                        f.baselineName(),
                        f.ratio());
            }
        }
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
