package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.IterationMetrics;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.Rate;
import java.util.Map;

/** The report's tables of per-iteration figures and of the library (decisions: {@link DecisionsHtml}). */
final class HtmlTables {

    private HtmlTables() {}

    private static void cell(String text, StringBuilder sb) {
        sb.append("<td class=\"num\">").append(escape(text)).append("</td>");
    }

    static void iterations(ReportData data, StringBuilder sb) {
        IterationMetrics metrics = data.view().metrics();
        boolean probe = metrics.iterations().stream().anyMatch(r -> r.probe().total() > 0);
        sb.append("<section id=\"iterations\">\n<h2>Per iteration</h2>\n<p class=\"small\">Accuracies are");
        sb.append(" passed/scored with their 95% Wilson interval.</p>\n<table class=\"grid\">\n<thead><tr>");
        sb.append("<th>Iter</th><th>Library</th><th class=\"num\">Train</th><th class=\"num\">Gate baseline</th>");
        sb.append(probe ? "<th class=\"num\">Probe</th>" : "");
        sb.append("<th class=\"num\">Confirm</th>");
        sb.append(
                data.truth().isPresent()
                        ? "<th class=\"num\">True <span class=\"badge-sim\">simulator</span></th>"
                        : "");
        sb.append("<th>Failure kinds</th><th class=\"num\">Infra</th>");
        sb.append("<th class=\"num\">Calls</th><th class=\"num\">Tokens</th><th class=\"num\">Cost</th>");
        sb.append("<th class=\"num\">Model time</th></tr></thead>\n<tbody>\n");
        for (Iteration r : metrics.iterations()) {
            sb.append("<tr><td>")
                    .append(r.iteration() == 0 ? "start" : r.iteration())
                    .append("</td><td><code>");
            sb.append(escape(Figures.shortVersion(r.libraryVersion()))).append("</code></td>");
            rateCell(r.train(), sb);
            rateCell(data.trends().gate(r.iteration()), sb);
            if (probe) {
                rateCell(r.probe(), sb);
            }
            rateCell(r.confirm(), sb);
            data.truth()
                    .ifPresent(t -> cell(
                            t.accuracy(data.view().versions(), r.libraryVersion())
                                    .map(Figures::percent)
                                    .orElse("-"),
                            sb));
            sb.append("<td class=\"small\">")
                    .append(escape(kinds(r.failureKinds())))
                    .append("</td>");
            cell(String.valueOf(r.infraEpisodes()), sb);
            cell(String.valueOf(r.spend().calls()), sb);
            cell(Figures.count(r.spend().tokens()), sb);
            cell(Figures.usd(r.spend().costUsd()), sb);
            cell(Figures.duration(r.spend().latencyMillis()), sb);
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    /** The chain of versions: where the campaign started and which promotion made each next one. */
    private static void lineage(CampaignView view, StringBuilder sb) {
        sb.append("<h3>Versions</h3>\n<p class=\"lineage\"><code>");
        sb.append(escape(Figures.shortVersion(view.overview().initialVersion())))
                .append("</code> initial");
        for (Decision d : view.history().promotions()) {
            sb.append(" → <code>")
                    .append(escape(Figures.shortVersion(d.promotion().toVersion())))
                    .append("</code> ");
            sb.append("<span class=\"muted\">(").append(escape(d.candidateId())).append(", iteration ");
            sb.append(d.iteration()).append(")</span>");
        }
        sb.append("</p>\n");
    }

    /** "60.4% (29/48)" over "[46.3, 73.0]": accuracy, count and 95% Wilson interval. */
    private static void rateCell(Rate r, StringBuilder sb) {
        if (r == null || r.total() == 0) {
            cell("-", sb);
            return;
        }
        sb.append("<td class=\"num\">")
                .append(Figures.percent(r.accuracy()))
                .append(" (")
                .append(r.passed());
        sb.append('/').append(r.total()).append(")<br><span class=\"small\">").append(HtmlReport.interval(r));
        sb.append("</span></td>");
    }

    private static String kinds(Map<String, Integer> kinds) {
        StringBuilder s = new StringBuilder();
        kinds.forEach((k, n) ->
                s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(n));
        return s.toString();
    }

    static void library(CampaignView view, StringBuilder sb) {
        sb.append("<section id=\"library\">\n<h2>Library</h2>\n");
        LibrarySnapshotted current = view.versions().resolve("current").orElse(null);
        if (current == null) {
            sb.append("<p class=\"muted\">The log holds no snapshot of the current version.</p>\n</section>\n");
            return;
        }
        sb.append("<p>Current version <code>").append(escape(current.version())).append("</code>, ");
        sb.append(view.versions().versions().size()).append(" versions snapshotted. ");
        sb.append("<span class=\"muted\">Compare two with <code>ratchet diff ")
                .append(escape(view.overview().campaignId()));
        sb.append(" initial current</code>.</span></p>\n<table class=\"grid\">\n<thead><tr><th>Skill</th>");
        sb.append("<th>When</th><th>Description</th><th>Provenance</th></tr></thead>\n<tbody>\n");
        for (LibrarySnapshotted.SkillRecord s : current.skills()) {
            sb.append("<tr><td><details><summary><strong>")
                    .append(escape(s.name()))
                    .append("</strong></summary><pre>");
            sb.append(escape(s.body())).append("</pre></details></td><td>").append(escape(s.trigger()));
            sb.append("</td><td>")
                    .append(escape(s.description()))
                    .append("</td><td>")
                    .append(escape(s.provenance()));
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        lineage(view, sb);
        sb.append("<h3>Prompt sections</h3>\n");
        for (LibrarySnapshotted.SectionRecord s : current.sections()) {
            sb.append("<details><summary>").append(escape(s.name())).append("</summary><pre>");
            sb.append(escape(s.text())).append("</pre></details>\n");
        }
        sb.append("</section>\n");
    }
}
