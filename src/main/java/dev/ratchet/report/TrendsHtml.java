package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.projection.EnvironmentTrends;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.Rate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy per environment across iterations: one small chart per environment (drawn by {@code
 * report.js} from the page's data) and a table with every count and 95% interval behind them.
 */
final class TrendsHtml {

    private TrendsHtml() {}

    static void render(ReportData data, StringBuilder sb) {
        EnvironmentTrends trends = data.trends();
        List<String> envs = trends.envIds();
        if (envs.isEmpty()) {
            return;
        }
        boolean simulated = data.view().overview().simulated();
        sb.append("<section id=\"environments\">\n<h2>Accuracy per environment</h2>\n<p class=\"small\">");
        sb.append("Train is the iteration's batch; gate is the baseline on the gate's fresh held-out items (run once");
        sb.append(" per library version); confirm is scored after a promotion. Bars are 95% Wilson intervals.");
        if (data.truth().isPresent()) {
            sb.append(" The dashed line is the simulator's true accuracy of the iteration's library, which no");
            sb.append(" measurement of a real model can give.");
        }
        sb.append("</p>\n<div class=\"multiples\">\n");
        for (int i = 0; i < envs.size(); i++) {
            HtmlReport.chart("chart-env-" + i, envs.get(i), simulated, "small-multiple", sb);
        }
        sb.append("</div>\n");
        table(data, envs, sb);
        sb.append("</section>\n");
    }

    private static void table(ReportData data, List<String> envs, StringBuilder sb) {
        List<Iteration> rows = data.view().metrics().iterations();
        sb.append("<table class=\"grid trends\">\n<thead><tr><th>Environment</th>");
        for (Iteration r : rows) {
            sb.append("<th>")
                    .append(r.iteration() == 0 ? "start" : "iteration " + r.iteration())
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (String env : envs) {
            sb.append("<tr><td><code>").append(escape(env)).append("</code></td>");
            for (Iteration r : rows) {
                cell(data, env, r, sb);
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void cell(ReportData data, String env, Iteration r, StringBuilder sb) {
        sb.append("<td class=\"small\">");
        data.trends().row(env, r.iteration()).ifPresent(x -> {
            line("train", x.train(), sb);
            line("gate", x.gate(), sb);
            line("confirm", x.confirm(), sb);
        });
        truth(data, env, r, sb);
        sb.append("</td>");
    }

    /** "train 2/9 · 22% [6–55]": compact, so that every iteration fits across the page. */
    private static void line(String label, Rate rate, StringBuilder sb) {
        if (rate.total() > 0) {
            sb.append("<div>")
                    .append(label)
                    .append(' ')
                    .append(rate.passed())
                    .append('/')
                    .append(rate.total());
            sb.append(String.format(
                    Locale.ROOT, " · %.0f%% [%.0f–%.0f]", 100 * rate.accuracy(), 100 * rate.low(), 100 * rate.high()));
            sb.append("</div>");
        }
    }

    private static void truth(ReportData data, String env, Iteration r, StringBuilder sb) {
        data.truth()
                .flatMap(t -> t.byEnvironment(data.view().versions(), r.libraryVersion()))
                .map((Map<String, Double> m) -> m.get(env))
                .ifPresent(v -> sb.append("<div class=\"truth\">true ")
                        .append(String.format(Locale.ROOT, "%.0f%%", 100 * v))
                        .append(" (simulator)</div>"));
    }
}
