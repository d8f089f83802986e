package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.projection.SyntheticCampaign;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writes_the_report_into_the_campaign_folder_by_default() throws IOException {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(ReportCommand::new, SyntheticCampaign.ID);
        assertEquals(0, r.exitCode(), r.err());
        Path report = cli.db.getParent().resolve("report.html");
        assertTrue(r.out().contains("report written to " + report), r.out());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>night-7</h1>"));
        try (Stream<Path> files = Files.list(cli.db.getParent())) {
            assertEquals(2, files.count(), "events.db and report.html, no temp file left behind");
        }
    }

    @Test
    void out_chooses_the_file() throws IOException {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        Path target = tmp.resolve("morning.html");
        ReportingCli.Result r = cli.run(ReportCommand::new, SyntheticCampaign.ID, "--out", target.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(target).contains("Promotions and rejections"));
        assertFalse(Files.exists(cli.db.getParent().resolve("report.html")));
    }

    @Test
    void an_out_file_in_a_missing_folder_is_bad_input_and_nothing_is_written() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        Path target = tmp.resolve("missing").resolve("r.html");
        ReportingCli.Result r = cli.run(ReportCommand::new, SyntheticCampaign.ID, "--out", target.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(target.getParent()));
        assertTrue(cli.opened.isEmpty(), "the log is not even opened");
    }
}
