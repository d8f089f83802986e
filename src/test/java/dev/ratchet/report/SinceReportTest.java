package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided.Gain;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.projection.AuditTrail;
import dev.ratchet.projection.SyntheticCampaign;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's "Since promotion" section and the rollbacks among its decisions. */
class SinceReportTest {

    static final String V0 = "aaaaaaaaaaaa0000";
    static final String V1 = "bbbbbbbbbbbb1111";
    static final String V2 = "cccccccccccc2222";
    static final String HOSTILE = "<script>alert('rb')</script> & \"quoted\"";

    /** The synthetic campaign, then a recheck (one promotion flagged), an ablation, a transfer, a bisection and a rollback. */
    static List<Event> audited(String reason) {
        List<Event> events = new ArrayList<>(SyntheticCampaign.events());
        events.add(new AuditStarted("recheck-1", AuditStarted.RECHECK, null, null, null));
        events.add(new AuditCompared(
                "recheck-1", 0, V0, V1, null, 1, "c-1-1", gain(0.05), gain(0.031), AuditCompared.BETTER));
        events.add(new AuditCompared(
                "recheck-1", 1, V1, V2, null, 2, "c-2-1", gain(0.042), gain(-0.064), AuditCompared.WORSE));
        events.add(new AuditFinished("recheck-1", V2, "c-2-1 is worse than its predecessor with confidence"));
        events.add(AuditStarted.ablate("ablate-1", V2));
        events.add(part(0, "skill:useless", -0.012, AuditCompared.NO_EFFECT));
        events.add(part(1, "section:format", 0.083, AuditCompared.BETTER));
        events.add(new AuditFinished("ablate-1", null, "1 of 2 parts is a candidate for pruning"));
        events.add(AuditStarted.transfer("transfer-1", V0, V2, List.of("units.roman", "seq(a>b>c)")));
        events.add(env(0, "units.roman", 0.021));
        events.add(env(1, "seq(a>b>c)", -0.007));
        events.add(new AuditFinished("transfer-1", null, "transfer measured on 2 environments"));
        events.add(new AuditStarted("bisect-1", AuditStarted.BISECT, V0, V2, "arith.add"));
        events.add(new AuditCompared("bisect-1", 0, V1, V2, "arith.add", null, null, null, gain(-0.05), "worse"));
        events.add(new AuditFinished("bisect-1", V2, "the promotion to cccccccccccc first made arith.add worse"));
        events.add(new LibraryRolledBack(V2, V1, reason, 4));
        return events;
    }

    private static AuditCompared part(int step, String part, double mean, String status) {
        return new AuditCompared("ablate-1", step, "w" + step, V2, null, null, null, null, gain(mean), status, part);
    }

    private static AuditCompared env(int step, String env, double mean) {
        return new AuditCompared(
                "transfer-1", step, V0, V2, env, null, null, null, gain(mean), AuditCompared.UNDECIDED);
    }

    private static Gain gain(double mean) {
        return new Gain(480, mean, mean - 0.03, mean + 0.03);
    }

    private final String html = HtmlReportTest.render(audited("recheck-1 flagged c-2-1"));

    @Test
    void a_recheck_shows_claimed_beside_measured_and_flags_the_worse_promotion() {
        String recheck = block(html, "audit-recheck-1");
        assertTrue(recheck.contains("<code>c-2-1</code>"), recheck);
        assertTrue(recheck.contains("+4.2 [+1.2, +7.2]</td><td class=\"num\">-6.4 [-9.4, -3.4]"), recheck);
        assertEquals(1, count(recheck, "pill-measured-worse"), "only the promotion measured worse is flagged");
        assertTrue(recheck.contains("seq "), "the audit's place in the log");
        assertTrue(recheck.contains("2025-03-01 02:00 UTC"));
    }

    @Test
    void an_ablation_ranks_parts_by_contribution_and_marks_pruning_candidates() {
        String ablate = block(html, "audit-ablate-1");
        assertTrue(ablate.indexOf("section:format") < ablate.indexOf("skill:useless"), "largest contribution first");
        assertTrue(ablate.contains("+8.3 [+5.3, +11.3]"), ablate);
        assertEquals(1, count(ablate, "pill-pruning-candidate"));
        assertTrue(ablate.contains("<tr class=\"prune\"><td>2</td><td><code>skill:useless</code>"), ablate);
    }

    @Test
    void a_transfer_shows_each_environment_and_the_mean() {
        String transfer = block(html, "audit-transfer-1");
        assertTrue(transfer.contains("<code>units.roman</code></td><td class=\"num\">+2.1 [-0.9, +5.1]"), transfer);
        assertTrue(transfer.contains("<code>seq(a&gt;b&gt;c)</code>"), "environment names escaped");
        assertTrue(transfer.contains("mean over the environments</td><td class=\"num\">+0.7 [-2.3, +3.7]"), transfer);
        assertTrue(block(html, "audit-bisect-1").contains("first made arith.add worse"));
    }

    @Test
    void a_rollback_shows_among_the_decisions_after_its_iteration() {
        Matcher row = Pattern.compile("<tr class=\"rollback\" id=\"rollback-1\">.*?</tr>")
                .matcher(html);
        assertTrue(row.find(), "a rollback row");
        assertTrue(row.group().contains("<code>cccccccccccc</code> → <code>bbbbbbbbbbbb</code>"), row.group());
        assertTrue(row.group().contains("reason: recheck-1 flagged c-2-1"), row.group());
        assertTrue(html.indexOf("id=\"decision-c-4-1\"") < row.start(), "after iteration 4's decisions");
        assertTrue(row.start() < html.indexOf("id=\"since\""), "in the decisions list");
    }

    @Test
    void a_hostile_rollback_reason_stays_text() {
        String page = HtmlReportTest.render(audited(HOSTILE));
        assertFalse(page.contains("<script>alert('rb')"));
        assertTrue(page.contains("reason: &lt;script&gt;alert(&#39;rb&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    }

    @Test
    void a_report_without_audits_has_no_such_section() {
        String plain = HtmlReportTest.render(SyntheticCampaign.events());
        assertFalse(plain.contains("Since promotion"));
        assertFalse(plain.contains("id=\"since\""));
        assertFalse(plain.contains("class=\"rollback\""));
        assertTrue(html.contains("<h2>Since promotion</h2>"));
    }

    @Test
    void audit_text_labels_every_audit_by_its_kind() {
        AuditTrail trail = AuditTrail.of(audited("r"));
        String ablate = AuditText.render(trail.audit("ablate-1").orElseThrow());
        String transfer = AuditText.render(trail.audit("transfer-1").orElseThrow());
        assertFalse(ablate.contains("bisection"), ablate);
        assertFalse(transfer.contains("bisection"), transfer);
        assertTrue(ablate.startsWith("ablate-1: every learned part of cccccccccccc left out in turn"), ablate);
        assertTrue(ablate.contains("  without section:format w1 -> cccccccccccc: measured +8.3 pts"), ablate);
        assertTrue(transfer.startsWith("transfer-1: final library cccccccccccc against initial aaaaaaaaaaaa"));
        assertTrue(transfer.contains("  units.roman aaaaaaaaaaaa -> cccccccccccc: measured +2.1 pts"), transfer);
    }

    /** The element with this id up to its closing div. */
    private static String block(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no " + id);
        return page.substring(start, page.indexOf("</div>", start));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
