package dev.ratchet.report;

import dev.ratchet.projection.EnvironmentTrends;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.Rate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The data of the per-environment small multiples: one entry per environment, one value per iteration. */
final class EnvironmentCharts {

    private EnvironmentCharts() {}

    static List<Map<String, Object>> series(ReportData data) {
        List<Iteration> rows = data.view().metrics().iterations();
        EnvironmentTrends trends = data.trends();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String env : trends.envIds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", env);
            rates(e, "train", rows, r -> rate(trends, env, r, EnvironmentTrends.Row::train));
            rates(e, "gate", rows, r -> rate(trends, env, r, EnvironmentTrends.Row::gate));
            rates(e, "confirm", rows, r -> rate(trends, env, r, EnvironmentTrends.Row::confirm));
            data.truth()
                    .ifPresent(t -> e.put("truth", ChartData.series(rows, r -> t.byEnvironment(
                                    data.view().versions(), r.libraryVersion())
                            .map(m -> m.get(env))
                            .map(v -> ChartData.round(v * 100, 1))
                            .orElse(null))));
            out.add(e);
        }
        return out;
    }

    private static void rates(
            Map<String, Object> e, String name, List<Iteration> rows, Function<Iteration, Rate> rate) {
        e.put(name, ChartData.series(rows, r -> ChartData.percent(rate.apply(r))));
        e.put(name + "Ci", ChartData.series(rows, r -> ChartData.interval(rate.apply(r))));
    }

    private static Rate rate(
            EnvironmentTrends trends, String env, Iteration r, Function<EnvironmentTrends.Row, Rate> which) {
        Optional<EnvironmentTrends.Row> row = trends.row(env, r.iteration());
        return row.map(which).orElse(null);
    }
}
