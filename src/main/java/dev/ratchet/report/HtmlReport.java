package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.projection.CampaignOverview;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.Rate;
import dev.ratchet.projection.Spend;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ratchet report}: one self-contained HTML file. Chart.js, the drawing script, the style and
 * the data are inlined, and a content security policy forbids every fetch, so the file opens
 * offline and shows the same thing on every machine. Every text from the log is escaped. The
 * output depends only on the log: rendering the same log twice gives the same bytes.
 */
public final class HtmlReport {

    /** Content security policy: inline script and style only, no network of any kind. */
    static final String CSP =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    private HtmlReport() {}

    /** The page for {@code view}; {@code source} names the log it was read from, for the footer. */
    public static String render(ReportData data, String source) {
        CampaignView view = data.view();
        CampaignOverview o = view.overview();
        StringBuilder sb = new StringBuilder(300_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Ratchet report: ").append(escape(o.campaignId())).append("</title>\n");
        sb.append("<style>\n").append(ReportAssets.css()).append("</style>\n</head>\n<body>\n<main>\n");
        header(view, sb);
        tiles(data, sb);
        review(ReviewList.of(view), sb);
        charts(o.simulated(), data.truth().isPresent(), sb);
        TrendsHtml.render(data, sb);
        new DecisionsHtml(data).render(sb);
        SinceHtml.render(data.since(), sb);
        HtmlTables.iterations(data, sb);
        HtmlTables.library(view, sb);
        footer(view, source, sb);
        sb.append("</main>\n");
        sb.append("<script type=\"application/json\" id=\"report-data\">").append(ChartData.json(data));
        sb.append("</script>\n<script>\n").append(ReportAssets.chartJs()).append("\n</script>\n");
        sb.append("<script>\n").append(ReportAssets.script()).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void header(CampaignView view, StringBuilder sb) {
        CampaignOverview o = view.overview();
        sb.append("<header>\n<p class=\"eyebrow\">Ratchet campaign report</p>\n");
        sb.append("<h1>").append(escape(o.campaignId())).append("</h1>\n<p class=\"sub\">");
        sb.append(escape(o.configName())).append(" · seed ").append(o.seed()).append(" · code ");
        sb.append(escape(o.codeVersion())).append(" · ").append(o.iterations()).append(" iterations · ");
        sb.append(
                o.stopped()
                        ? "stopped: " + escape(o.stopReason()) + " (" + escape(o.stopDetail()) + ")"
                        : "<strong>not stopped</strong> (running, or crashed)");
        sb.append("</p>\n</header>\n");
        if (o.simulated()) {
            sb.append("<div class=\"banner\" id=\"simulated\"><strong>Simulator.</strong> The model answers in this");
            sb.append(" campaign came from the simulated world (").append(escape(String.join(", ", o.models())));
            sb.append("), not from a real model: every figure below is simulated.</div>\n");
        }
    }

    private static void tiles(ReportData data, StringBuilder sb) {
        CampaignView view = data.view();
        List<Iteration> rows = view.metrics().iterations();
        List<Decision> decisions = view.history().decisions();
        long candidates =
                decisions.stream().filter(d -> d.candidateId() != null).count();
        long statics = decisions.stream()
                .filter(d -> d.status() == Decision.Status.STATIC_REJECTED)
                .count();
        Spend s = view.overview().spend();
        Duration wall = view.span().wallTime();
        sb.append("<section class=\"tiles\">\n");
        tile(
                "Promotions",
                String.valueOf(view.overview().promotions()),
                "of " + candidates + " candidates · " + statics + " stopped by static checks",
                sb);
        tile("Train accuracy", last(rows, Iteration::train), trend(rows, Iteration::train), sb);
        if (data.truth().isPresent()) {
            truthTile(data, sb);
        }
        var placebo = view.history().placebo();
        if (placebo.decisions() > 0) {
            tile(
                    "Placebo passes",
                    placebo.passed() + " of " + placebo.decisions(),
                    "a null edit through the gate: the false-promotion rate measured on this model",
                    sb);
        } else {
            tile(
                    "Probe accuracy",
                    last(rows, Iteration::probe),
                    "baseline re-run, " + trend(rows, Iteration::probe),
                    sb);
        }
        tile(
                "Confirm accuracy",
                last(rows, Iteration::confirm),
                "never gates · " + trend(rows, Iteration::confirm),
                sb);
        tile("Spend", Figures.usd(s.costUsd()), s.calls() + " calls · " + Figures.count(s.tokens()) + " tokens", sb);
        tile(
                "Time",
                Figures.duration(s.latencyMillis()),
                "model time · wall " + (wall == null ? "unknown" : Figures.duration(wall.toMillis())),
                sb);
        sb.append("</section>\n");
    }

    private static void tile(String label, String value, String sub, StringBuilder sb) {
        sb.append("<div class=\"tile\"><div class=\"label\">")
                .append(escape(label))
                .append("</div>");
        sb.append("<div class=\"value\">").append(escape(value)).append("</div>");
        sb.append("<div class=\"small\">").append(escape(sub)).append("</div></div>\n");
    }

    /** The simulator's true accuracy of the starting and the current library. */
    private static void truthTile(ReportData data, StringBuilder sb) {
        SimulatorTruth t = data.truth().orElseThrow();
        var versions = data.view().versions();
        String start =
                t.accuracy(versions, versions.initial()).map(Figures::percent).orElse("-");
        String now =
                t.accuracy(versions, versions.current()).map(Figures::percent).orElse("-");
        tile("True accuracy (simulator)", now, "the simulator's ground truth · start " + start, sb);
    }

    /** The latest measured value of a rate, skipping iterations where it was not measured. */
    private static String last(List<Iteration> rows, Function<Iteration, Rate> rate) {
        return measured(rows, rate)
                .reduce((a, b) -> b)
                .map(r -> Figures.percent(r.accuracy()))
                .orElse("-");
    }

    /** First and last measurement, each with its count and 95% Wilson interval. */
    private static String trend(List<Iteration> rows, Function<Iteration, Rate> rate) {
        List<Rate> values = measured(rows, rate).toList();
        if (values.isEmpty()) {
            return "not measured";
        }
        Rate last = values.get(values.size() - 1);
        String now = last.passed() + "/" + last.total() + " " + interval(last);
        return values.size() == 1
                ? now + " · measured once"
                : now + " · first " + Figures.percent(values.get(0).accuracy()) + " " + interval(values.get(0));
    }

    private static java.util.stream.Stream<Rate> measured(List<Iteration> rows, Function<Iteration, Rate> rate) {
        return rows.stream().map(rate).filter(r -> r != null && r.accuracy() != null);
    }

    /** "[46.3, 73.0]": the 95% Wilson interval in percent. */
    static String interval(Rate r) {
        return String.format(java.util.Locale.ROOT, "[%.1f, %.1f]", 100 * r.low(), 100 * r.high());
    }

    private static void review(List<ReviewList.Item> items, StringBuilder sb) {
        sb.append("<section id=\"review\">\n<h2>What to review</h2>\n");
        if (items.isEmpty()) {
            sb.append("<p class=\"muted\">Nothing stood out to the review rules.</p>\n</section>\n");
            return;
        }
        sb.append("<ol class=\"review\">\n");
        for (ReviewList.Item item : items) {
            sb.append("<li><span class=\"tag tag-")
                    .append(escape(item.kind()))
                    .append("\">")
                    .append(escape(item.kind()));
            sb.append("</span> <strong>").append(escape(item.title())).append("</strong><br>");
            sb.append("<span class=\"muted\">").append(escape(item.detail())).append("</span></li>\n");
        }
        sb.append("</ol>\n</section>\n");
    }

    private static void charts(boolean simulated, boolean truth, StringBuilder sb) {
        sb.append("<section class=\"charts\" id=\"charts\">\n");
        chart(
                "chart-accuracy",
                "Accuracy per iteration, with 95% Wilson intervals: training batch, gate baseline and confirm split"
                        + (truth ? ", and the simulator's true accuracy" : ""),
                simulated,
                "wide",
                sb);
        chart("chart-failures", "Failure kinds per iteration (training batch)", simulated, "", sb);
        chart("chart-decisions", "Decisions per iteration", simulated, "", sb);
        chart("chart-spend", "Spend per iteration: cost and tokens", simulated, "", sb);
        chart("chart-calls", "Model calls and model time per iteration", simulated, "", sb);
        sb.append("</section>\n");
    }

    static void chart(String id, String title, boolean simulated, String cls, StringBuilder sb) {
        sb.append("<figure class=\"card ").append(cls).append("\"><figcaption>").append(escape(title));
        if (simulated) {
            sb.append(" <span class=\"badge-sim\">simulator</span>");
        }
        sb.append("</figcaption><div class=\"chart-box\"><canvas id=\"")
                .append(id)
                .append("\" role=\"img\"");
        sb.append(" aria-label=\"").append(escape(title)).append("\"></canvas></div></figure>\n");
    }

    private static void footer(CampaignView view, String source, StringBuilder sb) {
        sb.append("<footer>Read from ")
                .append(escape(source))
                .append(" · ")
                .append(view.overview().events());
        sb.append(" events · head hash <code>")
                .append(escape(view.head() == null ? "-" : view.head()))
                .append("</code>");
        sb.append("<br>Charts drawn with Chart.js ").append(ReportAssets.CHART_JS_VERSION);
        sb.append(" (MIT licence), embedded in this file; the page loads nothing from the network.</footer>\n");
    }
}
