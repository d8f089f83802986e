package dev.ratchet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ratchet.log.event.Json;
import dev.ratchet.projection.EnvironmentTrends;
import dev.ratchet.projection.IterationMetrics;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.Rate;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The numbers behind the report's charts, one value per iteration, as the JSON that {@code report.js} reads. */
final class ChartData {

    private ChartData() {}

    static String json(ReportData data) {
        CampaignView view = data.view();
        List<Iteration> rows = view.metrics().iterations();
        EnvironmentTrends trends = data.trends();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("simulated", view.overview().simulated());
        root.put(
                "labels",
                rows.stream()
                        .map(r -> r.iteration() == 0 ? "start" : String.valueOf(r.iteration()))
                        .toList());
        Map<String, Function<Iteration, Rate>> accuracy = new LinkedHashMap<>();
        accuracy.put("train", Iteration::train);
        accuracy.put("gate", r -> trends.gate(r.iteration()));
        accuracy.put("probe", Iteration::probe);
        accuracy.put("confirm", Iteration::confirm);
        root.put("accuracy", rates(rows, accuracy, ChartData::percent));
        root.put("intervals", rates(rows, accuracy, ChartData::interval));
        data.truth().ifPresent(t -> root.put("truthLabel", "simulator's true accuracy"));
        data.truth()
                .ifPresent(t -> root.put("truth", series(rows, r -> t.accuracy(view.versions(), r.libraryVersion())
                        .map(v -> round(v * 100, 1))
                        .orElse(null))));
        root.put("environments", EnvironmentCharts.series(data));
        root.put("failureKinds", failureKinds(view.metrics()));
        root.put(
                "decisions",
                Map.of(
                        "promoted", series(rows, Iteration::promotions),
                        "rejected", series(rows, Iteration::gateRejections),
                        "staticRejected", series(rows, Iteration::staticRejections),
                        "proposalFailed", series(rows, Iteration::proposalFailures)));
        root.put(
                "spend",
                Map.of(
                        "cost", series(rows, r -> round(r.spend().costUsd(), 6)),
                        "tokens", series(rows, r -> r.spend().tokens()),
                        "calls", series(rows, r -> r.spend().calls()),
                        "modelSeconds", series(rows, r -> round(r.spend().latencyMillis() / 1000.0, 1))));
        try {
            return Html.scriptJson(Json.CANONICAL.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> rates(
            List<Iteration> rows, Map<String, Function<Iteration, Rate>> rates, Function<Rate, Object> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        rates.forEach((name, rate) -> out.put(name, series(rows, r -> value.apply(rate.apply(r)))));
        return out;
    }

    private static List<Map<String, Object>> failureKinds(IterationMetrics metrics) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String kind : metrics.failureKinds()) {
            out.add(Map.of("kind", kind, "counts", series(metrics.iterations(), r -> r.failureKinds()
                    .getOrDefault(kind, 0))));
        }
        return out;
    }

    static <T> List<T> series(List<Iteration> rows, Function<Iteration, T> value) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(value.apply(r)));
        return out;
    }

    /** Accuracy in percent to one decimal, null when nothing was scored so the chart leaves a gap. */
    static Double percent(Rate rate) {
        return rate == null || rate.accuracy() == null ? null : round(rate.accuracy() * 100, 1);
    }

    /** The 95% Wilson interval in percent, {@code [low, high]}, or null where nothing was scored. */
    static List<Double> interval(Rate rate) {
        return rate == null || rate.accuracy() == null
                ? null
                : List.of(round(rate.low() * 100, 1), round(rate.high() * 100, 1));
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
