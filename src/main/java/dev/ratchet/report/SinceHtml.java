package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.projection.AuditTrail;
import java.util.List;

/**
 * The "Since promotion" section: what the audits run after the campaign measured, each audit with
 * its place in the log. Re-checks put each promotion's claimed gain beside the gain measured again
 * and flag those measured worse; ablations rank the learned parts by contribution and mark pruning
 * candidates; transfers give the gain per unseen environment; bisections their steps and verdict.
 * Absent when the log holds no audit. Gains are in points with the gate's 95% interval.
 */
final class SinceHtml {

    private SinceHtml() {}

    static void render(SinceData since, StringBuilder sb) {
        if (!since.hasAudits()) {
            return;
        }
        AuditTrail trail = since.trail();
        sb.append("<section id=\"since\">\n<h2>Since promotion</h2>\n");
        sb.append("<p class=\"small\">Audits run on the campaign's log after its decisions, paired on fresh items"
                + " with the gate's sequential test; gains in points with their 95% interval, items in n.</p>\n");
        group("Re-checks", trail.only(AuditStarted.RECHECK), since, sb);
        group("Ablations", trail.only(AuditStarted.ABLATE), since, sb);
        group("Transfer", trail.only(AuditStarted.TRANSFER), since, sb);
        group("Bisections", trail.only(AuditStarted.BISECT), since, sb);
        sb.append("</section>\n");
    }

    private static void group(String title, AuditTrail trail, SinceData since, StringBuilder sb) {
        if (trail.audits().isEmpty()) {
            return;
        }
        sb.append("<h3>").append(escape(title)).append("</h3>\n");
        for (AuditTrail.Audit a : trail.audits()) {
            audit(a, since.stamp(a), sb);
        }
    }

    private static void audit(AuditTrail.Audit a, SinceData.Stamp stamp, StringBuilder sb) {
        AuditStarted s = a.started();
        sb.append("<div class=\"audit audit-").append(escape(s.kind())).append("\" id=\"audit-");
        sb.append(escape(s.audit()))
                .append("\"><p><strong>")
                .append(escape(s.audit()))
                .append("</strong> · ");
        sb.append(escape(AuditText.header(s)));
        sb.append(" <span class=\"small\">")
                .append(escape(stamp == null ? "" : stamp.label()))
                .append("</span></p>\n");
        switch (s.kind()) {
            case AuditStarted.RECHECK -> recheck(a, sb);
            case AuditStarted.ABLATE -> ablate(a, sb);
            case AuditStarted.TRANSFER -> transfer(a, sb);
            default -> bisect(a, sb);
        }
        sb.append("<p class=\"why\">")
                .append(escape(
                        a.finished() == null
                                ? "Unfinished: running the same command again finishes it."
                                : a.finished().verdict()))
                .append("</p></div>\n");
    }

    private static void recheck(AuditTrail.Audit a, StringBuilder sb) {
        head(List.of("Iter", "Candidate", "Promotion"), List.of("Claimed gain", "Re-measured gain"), sb);
        for (AuditCompared c : a.comparisons()) {
            sb.append("<tr").append(c.worse() ? " class=\"flagged\"" : "").append("><td>");
            sb.append(c.iteration() == null ? "" : c.iteration()).append("</td><td><code>");
            sb.append(escape(c.candidateId()))
                    .append("</code></td><td>")
                    .append(promotion(c))
                    .append("</td>");
            num(c.claimed() == null ? "-" : DecisionsHtml.interval(c.claimed()), sb);
            num(DecisionsHtml.interval(c.gain()), sb);
            status(c, c.worse() ? "measured worse" : null, sb);
        }
        sb.append("</tbody></table>\n");
    }

    private static void ablate(AuditTrail.Audit a, StringBuilder sb) {
        head(List.of("Rank", "Part"), List.of("Contribution"), sb);
        int rank = 1;
        for (AuditCompared c : a.ranked()) {
            boolean prune = !c.better();
            sb.append("<tr")
                    .append(prune ? " class=\"prune\"" : "")
                    .append("><td>")
                    .append(rank++);
            sb.append("</td><td><code>").append(escape(c.part())).append("</code></td>");
            num(DecisionsHtml.interval(c.gain()), sb);
            status(c, prune ? "pruning candidate" : null, sb);
        }
        sb.append("</tbody></table>\n");
    }

    private static void transfer(AuditTrail.Audit a, StringBuilder sb) {
        head(List.of("Environment"), List.of("Gain, final over initial"), sb);
        for (AuditCompared c : a.comparisons()) {
            sb.append("<tr><td><code>").append(escape(c.env())).append("</code></td>");
            num(DecisionsHtml.interval(c.gain()), sb);
            status(c, null, sb);
        }
        a.transfer().ifPresent(g -> {
            sb.append("<tr class=\"total\"><td>mean over the environments</td>");
            num(DecisionsHtml.interval(g), sb);
            num(String.valueOf(g.items()), sb);
            sb.append("<td class=\"small\">interval: the mean of the bounds</td></tr>\n");
        });
        sb.append("</tbody></table>\n");
    }

    private static void bisect(AuditTrail.Audit a, StringBuilder sb) {
        head(List.of("Step", "Promotion"), List.of("Measured gain"), sb);
        for (AuditCompared c : a.comparisons()) {
            sb.append("<tr")
                    .append(c.worse() ? " class=\"flagged\"" : "")
                    .append("><td>")
                    .append(c.step() + 1);
            sb.append("</td><td>").append(promotion(c)).append("</td>");
            num(DecisionsHtml.interval(c.gain()), sb);
            status(c, null, sb);
        }
        sb.append("</tbody></table>\n");
    }

    private static void head(List<String> text, List<String> gains, StringBuilder sb) {
        sb.append("<table class=\"grid since\">\n<thead><tr>");
        text.forEach(t -> sb.append("<th>").append(escape(t)).append("</th>"));
        gains.forEach(g -> sb.append("<th class=\"num\">").append(escape(g)).append("<br>pts [95%]</th>"));
        sb.append("<th class=\"num\">Items</th><th>Status</th></tr></thead>\n<tbody>\n");
    }

    private static String promotion(AuditCompared c) {
        return "<code>" + escape(Figures.shortVersion(c.baseVersion())) + "</code> → <code>"
                + escape(Figures.shortVersion(c.version())) + "</code>";
    }

    /** The items and status cells, with a pill when the row stands out. */
    private static void status(AuditCompared c, String pill, StringBuilder sb) {
        num(String.valueOf(c.gain().items()), sb);
        sb.append("<td>").append(escape(c.status()));
        if (pill != null) {
            sb.append(" <span class=\"pill pill-")
                    .append(pill.replace(' ', '-'))
                    .append("\">");
            sb.append(escape(pill)).append("</span>");
        }
        sb.append("</td></tr>\n");
    }

    private static void num(String text, StringBuilder sb) {
        sb.append("<td class=\"num\">").append(escape(text)).append("</td>");
    }
}
