package dev.ratchet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ratchet.projection.SyntheticCampaign;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a synthesized campaign's report in headless Chromium and checks that the charts rendered:
 * the page's script counts the charts it drew and lists each chart's series colours and plot area,
 * and the screenshot must hold pixels of every series colour inside that plot area (the legend,
 * which shows the colours whether or not anything was drawn, lies outside it). Fails when
 * Chromium is missing on CI (CI=true); elsewhere it is skipped with a message.
 */
class ReportInChromiumTest {

    static final int WIDTH = 1280;
    static final int HEIGHT = 2400;
    /** A series counts as drawn when this many pixels of its colour are in its chart's box. */
    static final int MIN_PIXELS = 30;

    private static final int TOLERANCE = 10;
    private static final Pattern CANVAS = Pattern.compile("<canvas[^>]*>");

    @TempDir
    Path tmp;

    @Test
    void every_chart_draws_every_series() throws Exception {
        String chromium = chromium();
        Path page = tmp.resolve("report.html");
        Files.writeString(page, HtmlReportTest.render(SyntheticCampaign.events()), StandardCharsets.UTF_8);

        int charts = 5 + SyntheticCampaign.ENVS.size();
        String dom = run(tmp, chromium, "dom", "--dump-dom", page.toUri().toString());
        Path png = tmp.resolve("report.png");
        BufferedImage image = screenshot(tmp, chromium, page, png);
        assertSeriesDrawn(dom, image, charts, png);
        double scale = image.getWidth() / (double) WIDTH;
        int[] accuracy = rect(attribute(firstCanvas(dom, "chart-accuracy"), "data-plot"), scale);
        assertTrue(count(image, accuracy, "#7c3aed") < MIN_PIXELS, "the colour check tells series apart");
        assertAccuracyAxisSpansTheData(dom);
    }

    /** The "Since promotion" section and a rollback with a hostile reason render, and the charts still draw. */
    @Test
    void the_since_promotion_section_and_a_rollback_render() throws Exception {
        String chromium = chromium();
        Path page = tmp.resolve("since.html");
        Files.writeString(
                page, HtmlReportTest.render(SinceReportTest.audited(SinceReportTest.HOSTILE)), StandardCharsets.UTF_8);
        String dom = run(tmp, chromium, "since", "--dump-dom", page.toUri().toString());
        Matcher drawn = Pattern.compile("<body[^>]*data-charts=\"(\\d+)\"").matcher(dom);
        assertTrue(drawn.find(), "the page's script never finished drawing: " + excerpt(dom));
        assertEquals(String.valueOf(5 + SyntheticCampaign.ENVS.size()), drawn.group(1));
        assertTrue(dom.contains("<h2>Since promotion</h2>"));
        for (String id : List.of("audit-recheck-1", "audit-ablate-1", "audit-transfer-1", "audit-bisect-1")) {
            assertTrue(dom.contains("id=\"" + id + "\""), id);
        }
        assertTrue(dom.contains("<span class=\"pill pill-rolled-back\">rolled back</span>"));
        assertTrue(dom.contains("reason: &lt;script&gt;alert('rb')&lt;/script&gt; &amp; \"quoted\""), "still text");
        assertFalse(dom.contains("<script>alert('rb')"));
    }

    static BufferedImage screenshot(Path tmp, String chromium, Path page, Path png)
            throws IOException, InterruptedException {
        run(
                tmp,
                chromium,
                "shot",
                "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT,
                page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 0, "no screenshot written");
        return image;
    }

    /** The page drew {@code charts} charts, and every series of each has pixels of its colour in its plot area. */
    static void assertSeriesDrawn(String dom, BufferedImage image, int charts, Path png) {
        Matcher drawn = Pattern.compile("<body[^>]*data-charts=\"(\\d+)\"").matcher(dom);
        assertTrue(drawn.find(), "the page's script never finished drawing: " + excerpt(dom));
        assertEquals(String.valueOf(charts), drawn.group(1), "charts drawn");
        double scale = image.getWidth() / (double) WIDTH;

        List<String> missing = new ArrayList<>();
        int canvases = 0;
        Matcher canvas = CANVAS.matcher(dom);
        while (canvas.find()) {
            canvases++;
            String tag = canvas.group();
            String id = attribute(tag, "id");
            int[] box = rect(attribute(tag, "data-plot"), scale);
            assertTrue(box[1] + box[3] <= image.getHeight(), id + " lies below the screenshot");
            for (String colour : attribute(tag, "data-colors").split(",")) {
                int pixels = count(image, box, colour);
                if (pixels < MIN_PIXELS) {
                    missing.add(id + " " + colour + " (" + pixels + " px)");
                }
            }
        }
        assertEquals(charts, canvases);
        assertTrue(missing.isEmpty(), "series not drawn: " + missing + "; screenshot " + png);
    }

    /** The accuracy axis holds every plotted value, and is not 0 to 100 when the values do not need it. */
    private static void assertAccuracyAxisSpansTheData(String dom) throws IOException {
        Matcher json = Pattern.compile("<script[^>]*id=\"report-data\"[^>]*>(.*?)</script>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(json.find(), "no report data in the page");
        com.fasterxml.jackson.databind.JsonNode accuracy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                        json.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                .get("accuracy");
        List<Double> values = new ArrayList<>();
        accuracy.forEach(series -> series.forEach(v -> {
            if (v.isNumber()) {
                values.add(v.asDouble());
            }
        }));
        assertFalse(values.isEmpty(), "the synthetic campaign measures accuracy");
        String[] y = attribute(firstCanvas(dom, "chart-accuracy"), "data-y").split(",");
        double low = Double.parseDouble(y[0]);
        double high = Double.parseDouble(y[1]);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(low <= min && max <= high, "axis " + low + ".." + high + " must hold " + min + ".." + max);
        assertTrue(high - low < 100 || min < 10 || max > 90, "axis " + low + ".." + high + " for " + min + ".." + max);
    }

    static String chromium() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("CHROMIUM") != null) {
            candidates.add(System.getenv("CHROMIUM"));
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        for (String c : candidates) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        String message = "headless Chromium not found (looked at " + candidates + "; install Debian's chromium)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    static String run(Path tmp, String chromium, String name, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile-");
        List<String> command = new ArrayList<>(List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                // the same window for the DOM dump and the screenshot, so that the boxes match
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    static String firstCanvas(String dom, String id) {
        Matcher m = CANVAS.matcher(dom);
        while (m.find()) {
            if (id.equals(attribute(m.group(), "id"))) {
                return m.group();
            }
        }
        throw new AssertionError("no canvas " + id);
    }

    static String attribute(String tag, String name) {
        Matcher m =
                Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        if (!m.find()) {
            throw new AssertionError("no " + name + " on " + tag);
        }
        return m.group(1);
    }

    static int[] rect(String value, double scale) {
        String[] parts = value.split(",");
        int[] box = new int[4];
        for (int i = 0; i < 4; i++) {
            box[i] = (int) Math.round(Integer.parseInt(parts[i].trim()) * scale);
        }
        return box;
    }

    static int count(BufferedImage image, int[] box, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        int n = 0;
        for (int y = Math.max(0, box[1]); y < Math.min(image.getHeight(), box[1] + box[3]); y++) {
            for (int x = Math.max(0, box[0]); x < Math.min(image.getWidth(), box[0] + box[2]); x++) {
                n += close(image.getRGB(x, y), want) ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean close(int rgb, int want) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static String excerpt(String dom) {
        return dom.length() < 400 ? dom : dom.substring(0, 400) + "...";
    }
}
