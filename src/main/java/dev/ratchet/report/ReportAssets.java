package dev.ratchet.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files every report inlines: the vendored Chart.js, the page's script that draws with it, and the style. */
final class ReportAssets {

    /** The vendored Chart.js release; see {@code resources/report/README.md}. */
    static final String CHART_JS_VERSION = "4.6.1";

    private ReportAssets() {}

    /**
     * Chart.js without its source-map comment: a report is one file, and a browser's developer
     * tools would otherwise try to fetch the map from beside it.
     */
    static String chartJs() {
        String js = read("chart.umd.min.js").replaceAll("//# sourceMappingURL=\\S*\\s*$", "");
        if (js.contains("</script")) {
            throw new IllegalStateException("the chart library cannot be inlined: it contains </script");
        }
        return js;
    }

    static String script() {
        return read("report.js");
    }

    static String css() {
        return read("report.css");
    }

    private static String read(String name) {
        try (InputStream in = ReportAssets.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /report/" + name + ": the build is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource /report/" + name, e);
        }
    }
}
