package dev.ratchet.report;

import static dev.ratchet.report.ReportInChromiumTest.attribute;
import static dev.ratchet.report.ReportInChromiumTest.chromium;
import static dev.ratchet.report.ReportInChromiumTest.firstCanvas;
import static dev.ratchet.report.ReportInChromiumTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a recorded two-stage campaign (the golden demo) in headless Chromium: the accuracy
 * chart and every per-environment chart draw every series with its interval whiskers, and a
 * decision's drill-down, hidden at first, opens onto both arms' transcripts.
 */
class DrillDownInChromiumTest {

    /**
     * Opens the first decision's items and its first item the way a click would, and records on the
     * body whether the transcripts were visible before and after, how tall they are when open, and
     * how many messages they show.
     */
    private static final String OPEN_FIRST_ITEM =
            """
            <script>
            (function () {
              var items = document.querySelector('details.items');
              var item = items.querySelector('details.item');
              var closed = item.querySelector('.arm').checkVisibility() ? 1 : 0;
              items.open = true;
              item.open = true;
              var arms = item.querySelectorAll('.arm');
              document.body.setAttribute('data-drilldown', [closed, arms[0].checkVisibility() ? 1 : 0,
                arms[0].getBoundingClientRect().height,
                arms[1].getBoundingClientRect().height, item.querySelectorAll('.msg').length].join(','));
            })();
            </script>
            """;

    @TempDir
    Path tmp;

    @Test
    void charts_carry_intervals_and_a_decision_opens_onto_both_transcripts() throws Exception {
        String chromium = chromium();
        ReportData data = ReportDrillDownTest.golden();
        String html = HtmlReport.render(data, "golden").replace("</body>", OPEN_FIRST_ITEM + "</body>");
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        String dom = run(tmp, chromium, "dom", "--dump-dom", page.toUri().toString());
        Path png = tmp.resolve("report.png");
        BufferedImage image = ReportInChromiumTest.screenshot(tmp, chromium, page, png);
        int envs = data.trends().envIds().size();
        ReportInChromiumTest.assertSeriesDrawn(dom, image, 5 + envs, png);

        long measured = data.view().metrics().iterations().stream()
                .mapToLong(r -> (r.train().total() > 0 ? 1 : 0)
                        + (data.trends().gate(r.iteration()).total() > 0 ? 1 : 0)
                        + (r.confirm() != null && r.confirm().total() > 0 ? 1 : 0))
                .sum();
        assertEquals(
                String.valueOf(measured),
                attribute(firstCanvas(dom, "chart-accuracy"), "data-whiskers"),
                "one interval per measured point");
        for (int i = 0; i < envs; i++) {
            int whiskers = Integer.parseInt(attribute(firstCanvas(dom, "chart-env-" + i), "data-whiskers"));
            assertTrue(whiskers > 0, "chart-env-" + i + " draws its intervals");
        }

        Matcher opened = Pattern.compile("data-drilldown=\"([^\"]*)\"").matcher(dom);
        assertTrue(opened.find(), "the drill-down script did not run");
        String[] f = opened.group(1).split(",");
        assertEquals("0", f[0], "transcripts are hidden until opened");
        assertEquals("1", f[1], "opened, they show");
        assertTrue(Double.parseDouble(f[2]) > 50, "the baseline's transcript has room: " + opened.group(1));
        assertTrue(Double.parseDouble(f[3]) > 50, "the candidate's transcript has room: " + opened.group(1));
        assertTrue(Integer.parseInt(f[4]) >= 6, "task, answer and scored answer for each arm: " + opened.group(1));
    }
}
