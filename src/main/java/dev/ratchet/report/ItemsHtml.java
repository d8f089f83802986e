package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.GateDecided.Gain;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.DecisionEvidence.Trace;
import dev.ratchet.projection.Rate;
import java.util.List;
import java.util.Locale;

/**
 * One decision's drill-down: the paired accounting of its items (so that fixes, regressions, ties
 * and net add up to the items and the gain), then the items shown, each opening onto the
 * baseline's and the candidate's transcripts side by side.
 */
final class ItemsHtml {

    private final ReportData data;
    private final Decision decision;
    private final DrillDown.Items items;

    ItemsHtml(ReportData data, Decision decision, DrillDown.Items items) {
        this.data = data;
        this.decision = decision;
        this.items = items;
    }

    void render(StringBuilder sb) {
        Decision.Gate g = decision.gate();
        sb.append("<details class=\"items\" data-candidate=\"").append(escape(decision.candidateId()));
        sb.append("\" data-items=\"").append(items.shown().size()).append("\"><summary>Items of ");
        sb.append(escape(decision.candidateId()))
                .append(": ")
                .append(items.total())
                .append(' ');
        sb.append(escape(items.stage())).append(" items, ").append(g.fixes()).append(" fixes − ");
        sb.append(g.regressions()).append(" regressions = net ").append(escape(Figures.signed(g.net())));
        sb.append(" · ").append(items.shown().size()).append(" shown with transcripts</summary>\n");
        accounting(g, sb);
        systemPrompts(sb);
        for (DrillDown.Item item : items.shown()) {
            item(item, sb);
        }
        if (items.omitted() > 0) {
            sb.append("<p class=\"small omitted\">").append(items.omitted()).append(" more item(s) not shown here,");
            sb.append(" to keep the report small: <code>ratchet show ");
            sb.append(escape(data.view().overview().campaignId())).append(' ').append(escape(decision.candidateId()));
            sb.append(" --full</code> lists every one.</p>\n");
        }
        sb.append("</details>");
    }

    /** Items = fixes + regressions + ties (+ items neither arm could be scored on); net = fixes − regressions. */
    private void accounting(Decision.Gate g, StringBuilder sb) {
        List<Flip> flips = g.flips();
        if (g.screen() == null) {
            legacy(g, sb);
            return;
        }
        int bothPass = count(flips, DrillDown.PASS, DrillDown.PASS);
        int bothFail = count(flips, DrillDown.FAIL, DrillDown.FAIL);
        int ties = flips.size() - g.fixes() - g.regressions() - g.infra();
        sb.append("<p class=\"accounting\">").append(flips.size()).append(' ').append(escape(items.stage()));
        sb.append(" items, each run by the baseline and by the candidate: <strong>")
                .append(g.fixes());
        sb.append(" fixes</strong> (the candidate passed more often) + <strong>")
                .append(g.regressions());
        sb.append(" regressions</strong> (the baseline passed more often) + ")
                .append(ties)
                .append(" ties (");
        sb.append(bothPass).append(" both passed, ").append(bothFail).append(" both failed");
        sb.append(ties - bothPass - bothFail > 0 ? ", " + (ties - bothPass - bothFail) + " equally flaky" : "");
        sb.append(g.infra() > 0 ? ") + " + g.infra() + " infrastructure failures, counted nowhere" : ")");
        sb.append(". Net = ")
                .append(g.fixes())
                .append(" − ")
                .append(g.regressions())
                .append(" = ");
        sb.append(escape(Figures.signed(g.net())));
        Gain gain = g.gain() != null ? g.gain() : g.screen();
        if (gain != null && gain.items() > 0) {
            double perItem = (double) g.net() / gain.items();
            sb.append(escape(
                    Math.abs(perItem - gain.mean()) < 1e-9
                            ? String.format(
                                    Locale.ROOT,
                                    "; %s / %d items = %s, the %s gain's mean",
                                    Figures.signed(g.net()),
                                    gain.items(),
                                    Figures.points(perItem),
                                    items.stage())
                            : "; with several samples per item the gain averages pass fractions, not these counts"));
        }
        sb.append(".</p>\n");
        passed(flips, sb);
    }

    /**
     * The earlier single-probe gate counted against each item's state when drawn: a fix failed then
     * and passes for the candidate; the baseline's re-run shows how much of that is noise.
     */
    private static void legacy(Decision.Gate g, StringBuilder sb) {
        sb.append("<p class=\"accounting\">").append(g.flips().size()).append(" probe items, against their state");
        sb.append(" when drawn: candidate <strong>").append(g.fixes()).append(" fixes</strong> − <strong>");
        sb.append(g.regressions()).append(" regressions</strong> = net ").append(escape(Figures.signed(g.net())));
        sb.append("; the baseline's own re-run: ").append(g.baselineFixes()).append(" fixes, ");
        sb.append(g.baselineRegressions())
                .append(" regressions; ")
                .append(g.flaky())
                .append(" flaky items");
        sb.append(" counted neither way.</p>\n");
        passed(g.flips(), sb);
    }

    private static void passed(List<Flip> flips, StringBuilder sb) {
        sb.append("<p class=\"accounting\">Items passed: baseline ");
        sb.append(escape(rate(flips, true))).append(" · candidate ").append(escape(rate(flips, false)));
        sb.append(" <span class=\"small\">(95% Wilson intervals; flaky items count as not passed)</span></p>\n");
    }

    private static String rate(List<Flip> flips, boolean baseline) {
        int scored = 0;
        int passed = 0;
        for (Flip f : flips) {
            String state = baseline ? f.baseline() : f.candidate();
            if (!state.equals(DrillDown.INFRA)) {
                scored++;
                passed += state.equals(DrillDown.PASS) ? 1 : 0;
            }
        }
        return new Rate(passed, scored).describe();
    }

    private static int count(List<Flip> flips, String baseline, String candidate) {
        return (int) flips.stream()
                .filter(f -> f.baseline().equals(baseline) && f.candidate().equals(candidate))
                .count();
    }

    /** Each arm's system prompt once: it is the library rendered, the same on every item. */
    private void systemPrompts(StringBuilder sb) {
        String base = TranscriptHtml.systemPrompt(items.shown(), true);
        String cand = TranscriptHtml.systemPrompt(items.shown(), false);
        if (base == null && cand == null) {
            return;
        }
        sb.append("<div class=\"arms\"><details class=\"system\"><summary>Baseline's system prompt</summary><pre>");
        sb.append(escape(base)).append("</pre></details><details class=\"system\"><summary>Candidate's system");
        sb.append(" prompt</summary><pre>").append(escape(cand)).append("</pre></details></div>\n");
    }

    private void item(DrillDown.Item item, StringBuilder sb) {
        Flip f = item.flip();
        String verdict = verdict(f);
        sb.append("<details class=\"item\" data-instance=\"")
                .append(escape(f.instanceId()))
                .append("\"><summary>");
        sb.append("<span class=\"tag tag-")
                .append(verdict)
                .append("\">")
                .append(verdict)
                .append("</span> ");
        sb.append("<code>").append(escape(f.instanceId())).append("</code> <span class=\"muted\">");
        sb.append(escape(item.envId())).append(" · baseline ").append(escape(f.baseline()));
        sb.append(" → candidate ").append(escape(f.candidate())).append("</span></summary>\n<div class=\"arms\">");
        arm("Baseline", item.baseline(), sb);
        arm("Candidate", item.candidate(), sb);
        sb.append("</div></details>\n");
    }

    private static void arm(String title, List<Trace> traces, StringBuilder sb) {
        sb.append("<div class=\"arm\"><h4>").append(title).append("</h4>");
        if (traces.isEmpty()) {
            sb.append("<p class=\"muted\">No episode of this arm on this item is in the log.</p>");
        }
        traces.forEach(t -> TranscriptHtml.episode(t, sb));
        sb.append("</div>");
    }

    /** fix, regression, tie or differs (flaky or infra on one side). */
    static String verdict(Flip f) {
        String pass = DrillDown.PASS;
        String fail = DrillDown.FAIL;
        if (f.baseline().equals(fail) && f.candidate().equals(pass)) {
            return "fix";
        }
        if (f.baseline().equals(pass) && f.candidate().equals(fail)) {
            return "regression";
        }
        return f.baseline().equals(f.candidate()) ? "tie" : "differs";
    }
}
