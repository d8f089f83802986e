package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.Rate;
import dev.ratchet.projection.SyntheticCampaign;
import dev.ratchet.replay.GoldenLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report's drill-down, intervals, per-environment trends and ground truth. */
class ReportDrillDownTest {

    /** A recorded campaign of the two-stage gate: the golden demo replay. */
    static ReportData golden() {
        return ReportData.read(
                GoldenLog.load(Path.of("src", "test", "resources", "golden", "replays", "demo.jsonl")),
                Optional.empty());
    }

    @Test
    void every_gated_decision_opens_onto_its_items_with_both_transcripts_and_counts_that_add_up() {
        ReportData data = golden();
        String html = HtmlReport.render(data, "golden");
        int gated = 0;
        for (Decision d : data.view().history().decisions()) {
            if (d.gate() == null) {
                continue;
            }
            gated++;
            Decision.Gate g = d.gate();
            DrillDown.Items items = data.drillDown().byCandidate().get(d.candidateId());
            assertEquals(g.flips().size(), items.total(), d.candidateId());
            assertEquals(
                    Math.min(DrillDown.cap(g), g.flips().size()), items.shown().size(), d.candidateId());
            for (DrillDown.Item item : items.shown()) {
                String where = d.candidateId() + " " + item.flip().instanceId();
                assertFalse(item.baseline().isEmpty(), where + ": no baseline episode");
                assertFalse(item.candidate().isEmpty(), where + ": no candidate episode");
                assertFalse(item.baseline().get(0).calls().isEmpty(), where + ": no baseline call");
                assertFalse(item.candidate().get(0).calls().isEmpty(), where + ": no candidate call");
                assertEquals(
                        item.flip().baseline(), item.baseline().get(0).episode().outcome(), where);
                assertEquals(
                        item.flip().candidate(),
                        item.candidate().get(0).episode().outcome(),
                        where);
            }
            if (g.regressions() > 0) {
                assertEquals(
                        "regression", ItemsHtml.verdict(items.shown().get(0).flip()), "regressions first");
            }
            long better = g.flips().stream()
                    .filter(f -> "fix".equals(ItemsHtml.verdict(f)))
                    .count();
            long worse = g.flips().stream()
                    .filter(f -> "regression".equals(ItemsHtml.verdict(f)))
                    .count();
            assertEquals(g.fixes(), better, d.candidateId() + ": one sample per item, so fixes are the flips");
            assertEquals(g.regressions(), worse, d.candidateId());
            assertTrue(html.contains(
                    "Items of " + d.candidateId() + ": " + g.flips().size() + " "
                            + DrillDown.stage(g) + " items, " + g.fixes() + " fixes − " + g.regressions()
                            + " regressions = net " + Figures.signed(g.fixes() - g.regressions())));
            assertEquals(g.fixes() - g.regressions(), g.net(), d.candidateId());
        }
        assertTrue(gated >= 3, "the golden campaign gates several candidates");
        assertTrue(html.contains("stage 2 items, each run by the baseline and by the candidate"));
        assertTrue(html.contains("<summary>Baseline's system prompt</summary><pre>## role"));
    }

    @Test
    void the_net_over_the_items_is_the_stage_two_gain() {
        ReportData data = golden();
        String html = HtmlReport.render(data, "golden");
        Decision staged = data.view().history().decisions().stream()
                .filter(d -> d.gate() != null && d.gate().gain() != null)
                .findFirst()
                .orElseThrow();
        var gain = staged.gate().gain();
        assertEquals(gain.mean(), (double) staged.gate().net() / gain.items(), 1e-12);
        assertTrue(html.contains(Figures.signed(staged.gate().net()) + " / " + gain.items() + " items = "
                + Figures.points(gain.mean()) + ", the stage 2 gain&#39;s mean"));
    }

    @Test
    void a_hostile_transcript_stays_text() {
        String hostile = "</pre></details></td></tr><script>alert(1)</script><img src=x onerror=alert(2)>";
        List<Event> events = new ArrayList<>();
        for (Event e : SyntheticCampaign.events()) {
            if (e instanceof EpisodeScored s && "candidate".equals(s.phase())) {
                events.add(answer(s, hostile));
            } else if (e instanceof ModelCallRecorded c
                    && c.response() != null
                    && c.role().equals("agent")) {
                events.add(respond(c, hostile));
            } else {
                events.add(e);
            }
        }
        String page = HtmlReport.render(ReportData.read(SyntheticCampaign.log(events), Optional.empty()), "x");
        assertTrue(page.contains("&lt;/pre&gt;&lt;/details&gt;&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(1)"));
        assertFalse(page.contains("<script>alert(1)"));
        assertFalse(page.contains("<img src=x"));
        assertEquals(count(page, "<details"), count(page, "</details>"), "no element closed early");
        assertEquals(3, count(page, "<script"));
    }

    @Test
    void every_accuracy_carries_its_wilson_interval() {
        String html = HtmlReportTest.render(SyntheticCampaign.events());
        Rate train = new Rate(6, 11);
        assertTrue(html.contains("54.5% (6/11)<br><span class=\"small\">" + HtmlReport.interval(train)), html);
        String chart = String.format(
                Locale.ROOT,
                "[%.1f,%.1f]",
                Math.round(train.low() * 1000) / 10.0,
                Math.round(train.high() * 1000) / 10.0);
        assertTrue(html.contains("\"intervals\":{") && html.contains(chart), "chart intervals " + chart);
        assertTrue(html.contains("arith.add"), "per-environment table");
        assertEquals(SyntheticCampaign.ENVS.size(), count(html, "id=\"chart-env-"), "one small chart per environment");
    }

    @Test
    void the_simulators_truth_is_shown_beside_the_measurements_and_labelled() {
        List<SimulatorTruth.Share> shares = List.of(new SimulatorTruth.Share("arith.add", 1.0));
        Optional<SimulatorTruth> truth = SimulatorTruth.of(
                shares, (library, env) -> 0.5 + 0.01 * library.skills().size());
        String html = HtmlReport.render(ReportData.read(SyntheticCampaign.log(SyntheticCampaign.events()), truth), "x");
        assertTrue(html.contains("True accuracy (simulator)"));
        assertTrue(html.contains("the simulator&#39;s ground truth · start 51.0%"));
        // c-1-1 adds a skill: one point of true gain under this stand-in truth.
        assertTrue(html.matches("(?s).*id=\"decision-c-1-1\".*?<td class=\"num\">\\+1\\.0</td>.*"), "true effect");
        assertTrue(html.contains("\"truth\":[51.0,51.0,52.0,52.0,52.0]"), "the chart's true-accuracy line");
        String without = HtmlReportTest.render(SyntheticCampaign.events());
        assertFalse(without.contains("True accuracy"));
        assertFalse(without.contains("\"truth\""));
    }

    private static EpisodeScored answer(EpisodeScored s, String answer) {
        return new EpisodeScored(
                s.episodeId(),
                s.iteration(),
                s.phase(),
                s.split(),
                s.instanceId(),
                s.envId(),
                s.libraryVersion(),
                s.sample(),
                s.outcome(),
                s.failureKind(),
                s.failedStep(),
                answer,
                s.finishReason(),
                s.steps(),
                s.callIds());
    }

    private static ModelCallRecorded respond(ModelCallRecorded c, String text) {
        return new ModelCallRecorded(
                c.callId(),
                c.role(),
                c.model(),
                c.requestHash(),
                c.request(),
                Json.object(Map.of("text", text, "toolCalls", List.of())),
                c.usage(),
                c.latencyMillis(),
                c.attempts(),
                c.errorClass(),
                c.costUsd());
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
