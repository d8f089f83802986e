package dev.ratchet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ratchet.log.event.Json;
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

    static String json(CampaignView view) {
        List<Iteration> rows = view.metrics().iterations();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("simulated", view.overview().simulated());
        root.put(
                "labels",
                rows.stream()
                        .map(r -> r.iteration() == 0 ? "start" : String.valueOf(r.iteration()))
                        .toList());
        root.put(
                "accuracy",
                Map.of(
                        "train", series(rows, r -> percent(r.train())),
                        "probe", series(rows, r -> percent(r.probe())),
                        "confirm", series(rows, r -> percent(r.confirm()))));
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

    private static List<Map<String, Object>> failureKinds(IterationMetrics metrics) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String kind : metrics.failureKinds()) {
            out.add(Map.of("kind", kind, "counts", series(metrics.iterations(), r -> r.failureKinds()
                    .getOrDefault(kind, 0))));
        }
        return out;
    }

    private static <T> List<T> series(List<Iteration> rows, Function<Iteration, T> value) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(value.apply(r)));
        return out;
    }

    /** Accuracy in percent to one decimal, null when nothing was scored so the chart leaves a gap. */
    private static Double percent(Rate rate) {
        return rate == null || rate.accuracy() == null ? null : round(rate.accuracy() * 100, 1);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
