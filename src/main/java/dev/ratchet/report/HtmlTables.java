package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.IterationMetrics;
import dev.ratchet.projection.IterationMetrics.Iteration;
import dev.ratchet.projection.PromotionHistory;
import dev.ratchet.projection.Rate;
import java.util.Map;

/** The report's tables: decisions with their evidence, per-iteration figures, and the library. */
final class HtmlTables {

    private HtmlTables() {}

    static void decisions(PromotionHistory history, StringBuilder sb) {
        sb.append("<section id=\"decisions\">\n<h2>Promotions and rejections</h2>\n");
        sb.append("<table class=\"grid\">\n<thead><tr><th>Iter</th><th>Candidate</th><th>Edit</th><th>Outcome</th>");
        sb.append("<th class=\"num\">Screen gain</th><th class=\"num\">Stage-2 gain [95%]</th>");
        sb.append("<th class=\"num\">Items</th><th class=\"num\">Better</th><th class=\"num\">Worse</th>");
        sb.append("<th class=\"num\">Confirm Δ</th><th>Why</th></tr></thead>\n<tbody>\n");
        for (Decision d : history.decisions()) {
            decision(d, sb);
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void decision(Decision d, StringBuilder sb) {
        Decision.Gate g = d.gate();
        sb.append("<tr class=\"status-")
                .append(d.status().label())
                .append("\"><td>")
                .append(d.iteration());
        sb.append("</td><td><code>")
                .append(escape(d.candidateId() == null ? "-" : d.candidateId()))
                .append("</code></td><td>");
        edit(d, sb);
        sb.append("</td><td><span class=\"pill pill-")
                .append(d.status().label())
                .append("\">");
        sb.append(d.status().label()).append("</span></td>");
        // Logs of the earlier single-probe gate have no stage estimates: their net stands in.
        cell(g == null || g.screen() == null ? "" : Figures.points(g.screen().mean()), sb);
        cell(
                g == null
                        ? ""
                        : g.gain() != null
                                ? Figures.points(g.gain().mean()) + " ["
                                        + Figures.points(g.gain().low()) + ", "
                                        + Figures.points(g.gain().high()) + "]"
                                : g.screen() == null ? "net " + Figures.signed(g.net()) : "",
                sb);
        cell(g == null || g.gain() == null ? "" : String.valueOf(g.gain().items()), sb);
        cell(g == null ? "" : String.valueOf(g.fixes()), sb);
        cell(g == null ? "" : String.valueOf(g.regressions()), sb);
        cell(d.promotion() == null ? "" : Figures.points(d.promotion().confirmDelta()), sb);
        sb.append("<td class=\"why\">").append(escape(d.reason())).append("</td></tr>\n");
    }

    private static void edit(Decision d, StringBuilder sb) {
        Edit e = d.edit();
        if (e == null) {
            sb.append(d.cluster() == null ? "" : "<span class=\"muted\">cluster " + escape(d.cluster()) + "</span>");
            return;
        }
        sb.append("<details><summary>")
                .append(escape(e.op()))
                .append(" <strong>")
                .append(escape(e.target()));
        sb.append("</strong></summary>");
        if (e.trigger() != null) {
            sb.append("<div class=\"small\">when: ").append(escape(e.trigger())).append("</div>");
        }
        sb.append("<pre>").append(escape(e.content())).append("</pre>");
        if (d.rationale() != null) {
            sb.append("<div class=\"small\">rationale: ")
                    .append(escape(d.rationale()))
                    .append("</div>");
        }
        sb.append("</details>");
    }

    private static void cell(String text, StringBuilder sb) {
        sb.append("<td class=\"num\">").append(escape(text)).append("</td>");
    }

    static void iterations(IterationMetrics metrics, StringBuilder sb) {
        sb.append("<section id=\"iterations\">\n<h2>Per iteration</h2>\n<table class=\"grid\">\n<thead><tr>");
        sb.append("<th>Iter</th><th>Library</th><th class=\"num\">Train</th><th class=\"num\">Probe</th>");
        sb.append("<th class=\"num\">Confirm</th><th>Failure kinds</th><th class=\"num\">Infra</th>");
        sb.append("<th class=\"num\">Calls</th><th class=\"num\">Tokens</th><th class=\"num\">Cost</th>");
        sb.append("<th class=\"num\">Model time</th></tr></thead>\n<tbody>\n");
        for (Iteration r : metrics.iterations()) {
            sb.append("<tr><td>")
                    .append(r.iteration() == 0 ? "start" : r.iteration())
                    .append("</td><td><code>");
            sb.append(escape(Figures.shortVersion(r.libraryVersion()))).append("</code></td>");
            cell(rate(r.train()), sb);
            cell(rate(r.probe()), sb);
            cell(rate(r.confirm()), sb);
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

    private static String rate(Rate r) {
        return r == null || r.total() == 0
                ? "-"
                : Figures.percent(r.accuracy()) + " (" + r.passed() + "/" + r.total() + ")";
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
