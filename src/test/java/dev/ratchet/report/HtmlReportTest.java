package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.projection.SyntheticCampaign;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static String render(List<Event> events) {
        return HtmlReport.render(
                ReportData.read(SyntheticCampaign.log(events), java.util.Optional.empty()), "runs/night-7/events.db");
    }

    private final String html = render(SyntheticCampaign.events());

    @Test
    void text_from_the_log_is_escaped() {
        assertFalse(html.contains("<script>alert"), "a rationale holding a script tag stays text");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("write the &lt;carry&gt; &amp; check a &lt; b."));
    }

    @Test
    void the_page_is_self_contained_and_forbids_the_network() {
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
        assertEquals(3, count(html, "<script"), "data, Chart.js and the drawing script, all inline");
        assertFalse(Pattern.compile("<(script|img|link|iframe)[^>]*\\s(src|href)=", Pattern.CASE_INSENSITIVE)
                .matcher(html)
                .find());
        assertFalse(html.contains("sourceMappingURL"));
        assertTrue(html.contains("Chart.js v4.6.1"), "the real library is inlined");
    }

    @Test
    void a_simulated_campaign_is_labelled_as_such_everywhere() {
        assertTrue(html.contains("id=\"simulated\""));
        assertEquals(
                5 + SyntheticCampaign.ENVS.size(),
                count(html, "<span class=\"badge-sim\">simulator</span>"),
                "every chart, one per environment among them");
        String real = render(SyntheticCampaign.events("gpt-4o-mini", "gpt-4o"));
        assertFalse(real.contains("simulator"));
        assertFalse(real.contains("badge-sim\">"));
    }

    @Test
    void it_shows_what_to_review_decisions_and_per_iteration_figures() {
        assertTrue(html.contains("Promoted on a small margin: c-2-1 (edit-section format)"));
        assertTrue(html.contains("Confirm accuracy fell after promoting c-2-1"));
        assertTrue(html.contains("6 flaky item(s) on the probe"));
        assertTrue(html.contains("item(s) reused across probes"));
        assertTrue(html.contains("1 model call(s) failed after every retry"));
        assertTrue(html.contains("<span class=\"pill pill-static-rejected\">static-rejected</span>"));
        assertTrue(html.contains("54.5% (6/11)"), "train accuracy of iteration 2 without the infra episode");
    }

    @Test
    void chart_data_is_embedded_and_cannot_break_out_of_its_script_element() {
        Matcher data = Pattern.compile(
                        "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(data.find());
        assertTrue(data.group(1).contains("\"labels\":[\"start\",\"1\",\"2\",\"3\",\"4\"]"), data.group(1));
        assertTrue(data.group(1).contains("\"train\":[null,50.0,54.5,66.7,75.0]"), data.group(1));
        List<Event> hostile = new ArrayList<>();
        for (Event e : SyntheticCampaign.events()) {
            hostile.add(
                    e instanceof EpisodeScored s && "format".equals(s.failureKind())
                            ? withKind(s, "</script><b>x")
                            : e);
        }
        String page = render(hostile);
        assertFalse(page.contains("</script><b>x"));
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cb\\u003ex"));
    }

    @Test
    void the_same_log_renders_to_the_same_bytes() {
        assertEquals(html, render(SyntheticCampaign.events()));
    }

    private static EpisodeScored withKind(EpisodeScored s, String kind) {
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
                kind,
                s.failedStep(),
                s.answer(),
                s.finishReason(),
                s.steps(),
                s.callIds());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
