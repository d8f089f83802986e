package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.GateDecided.Gain;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.projection.Decision;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The decisions table. Each decision that reached the gate shows the items its counts are about
 * (fixes, regressions, net) beside its gain estimates, the simulator's true effect when known, and
 * a row below that opens onto its items and both arms' transcripts (see {@link ItemsHtml}). Rollbacks
 * sit among the decisions where they happened, with their reason.
 */
final class DecisionsHtml {

    private final ReportData data;
    private final boolean truth;
    private final int columns;

    DecisionsHtml(ReportData data) {
        this.data = data;
        this.truth = data.truth().isPresent();
        this.columns = truth ? 11 : 10;
    }

    void render(StringBuilder sb) {
        sb.append("<section id=\"decisions\">\n<h2>Promotions and rejections</h2>\n");
        sb.append("<p class=\"small\">Fixes are items the candidate passed more often than the baseline,"
                + " regressions the reverse, each pair run on the same fresh items; net = fixes − regressions,"
                + " and net / items is the gain's mean. Open a decision's items to read both transcripts.</p>\n");
        sb.append("<table class=\"grid decisions\">\n<thead><tr><th>Iter</th><th>Candidate</th><th>Edit</th>");
        sb.append("<th>Outcome</th><th class=\"num\">Screen gain<br>pts [95%]</th>");
        sb.append("<th class=\"num\">Stage-2 gain<br>pts [95%]</th><th class=\"num\">Items</th>");
        sb.append("<th class=\"num\">Fixes − regressions<br>= net</th>");
        if (truth) {
            sb.append("<th class=\"num\">True effect, pts<br><span class=\"badge-sim\">simulator</span></th>");
        }
        sb.append("<th class=\"num\">Confirm Δ<br>pts</th></tr></thead>\n<tbody>\n");
        int rolled = 0;
        for (Decision d : data.view().history().decisions()) {
            rolled = rollbacks(rolled, d.iteration() - 1, sb);
            decision(d, sb);
            // The reason and the items take a full-width row of their own, below the figures.
            sb.append("<tr class=\"why-row status-").append(d.status().label()).append("\"><td></td><td colspan=\"");
            sb.append(columns - 1)
                    .append("\"><div class=\"why\">")
                    .append(escape(d.reason()))
                    .append("</div>");
            DrillDown.Items items = d.candidateId() == null
                    ? null
                    : data.drillDown().byCandidate().get(d.candidateId());
            if (d.gate() != null && items != null) {
                new ItemsHtml(data, d, items).render(sb);
            }
            sb.append("</td></tr>\n");
        }
        rollbacks(rolled, Integer.MAX_VALUE, sb);
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    /**
     * The rollbacks from index {@code from} on that happened by iteration {@code upTo}, each as a row
     * (a rollback belongs after its iteration's decisions: the next iteration starts from its version).
     * Returns the index of the first one not shown.
     */
    private int rollbacks(int from, int upTo, StringBuilder sb) {
        List<LibraryRolledBack> all = data.since().trail().rollbacks();
        int i = from;
        for (; i < all.size() && all.get(i).iteration() <= upTo; i++) {
            LibraryRolledBack r = all.get(i);
            SinceData.Stamp stamp = i < data.since().rollbacks().size()
                    ? data.since().rollbacks().get(i)
                    : null;
            sb.append("<tr class=\"rollback\" id=\"rollback-")
                    .append(i + 1)
                    .append("\"><td>")
                    .append(r.iteration());
            sb.append("</td><td colspan=\"").append(columns - 1).append("\"><span class=\"pill pill-rolled-back\">");
            sb.append("rolled back</span> <code>").append(escape(Figures.shortVersion(r.fromVersion())));
            sb.append("</code> → <code>")
                    .append(escape(Figures.shortVersion(r.toVersion())))
                    .append("</code>");
            sb.append(" <span class=\"small\">")
                    .append(escape(stamp == null ? "" : stamp.label()))
                    .append("</span>");
            sb.append("<div class=\"why\">reason: ").append(escape(r.reason())).append("</div></td></tr>\n");
        }
        return i;
    }

    private void decision(Decision d, StringBuilder sb) {
        Decision.Gate g = d.gate();
        sb.append("<tr class=\"status-").append(d.status().label()).append("\"");
        if (d.candidateId() != null) {
            sb.append(" id=\"decision-").append(escape(d.candidateId())).append("\"");
        }
        sb.append("><td>").append(d.iteration()).append("</td><td><code>");
        sb.append(escape(d.candidateId() == null ? "-" : d.candidateId())).append("</code></td><td>");
        edit(d, sb);
        sb.append("</td><td><span class=\"pill pill-")
                .append(d.status().label())
                .append("\">");
        sb.append(d.status().label()).append("</span></td>");
        cell(g == null || g.screen() == null ? "" : interval(g.screen()), sb);
        // Logs of the earlier single-probe gate have no stage estimates: their net stands in.
        cell(g == null ? "" : g.gain() != null ? interval(g.gain()) : "", sb);
        cell(g == null ? "" : g.flips().size() + " " + DrillDown.stage(g), sb);
        cell(g == null ? "" : g.fixes() + " − " + g.regressions() + " = " + Figures.signed(g.net()), sb);
        if (truth) {
            cell(trueEffect(d).map(DecisionsHtml::points).orElse(""), sb);
        }
        cell(d.promotion() == null ? "" : points(d.promotion().confirmDelta()), sb);
        sb.append("</tr>\n");
    }

    /** The simulator's true change in accuracy from the iteration's library to the candidate's. */
    private Optional<Double> trueEffect(Decision d) {
        SimulatorTruth t = data.truth().orElseThrow();
        if (d.candidateId() == null) {
            return Optional.empty();
        }
        String candidate = data.candidateVersions().get(d.candidateId());
        String parent = data.view().metrics().iterations().stream()
                .filter(i -> i.iteration() == d.iteration())
                .map(i -> i.libraryVersion())
                .findFirst()
                .orElse(null);
        var versions = data.view().versions();
        Optional<Double> after = t.accuracy(versions, candidate);
        Optional<Double> before = t.accuracy(versions, parent);
        return after.isPresent() && before.isPresent() ? Optional.of(after.get() - before.get()) : Optional.empty();
    }

    /** "+5.1 [+0.7, +10.1]": a gain and its 95% interval in points (the column says so). */
    static String interval(Gain g) {
        return points(g.mean()) + " [" + points(g.low()) + ", " + points(g.high()) + "]";
    }

    private static String points(Double delta) {
        return delta == null ? "-" : String.format(Locale.ROOT, "%+.1f", delta * 100);
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
}
