package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import dev.ratchet.projection.SyntheticCampaign;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path tmp;

    @Test
    void prints_every_decision_grouped_by_iteration_with_evidence_and_reason() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(HistoryCommand::new, SyntheticCampaign.ID);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(cli.db, cli.opened.get(0), "a campaign id is looked up as runs/<id>/events.db");
        String out = r.out();
        assertTrue(out.contains("simulator"), "a simulated campaign says so");
        assertTrue(out.contains("c-1-1    PROMOTED         add-skill carry-digits"), out);
        assertTrue(
                out.contains(
                        "fixes 3 · regressions 0 · flaky 2 · net +3 · budget 0 · p 0.125 (alpha 0.5) · confirm 20/40 = 50.0%"
                                + " [35.2, 64.8] -> 24/40 = 60.0% [44.6, 73.7] (+10.0 pts)"),
                "every accuracy with its count and 95% interval: " + out);
        assertTrue(out.contains("why: 1 new regression(s) exceed budget 0"), out);
        assertTrue(out.contains("iteration 2 · 46 calls (1 failed)"), out);
        assertTrue(out.contains("NO-CANDIDATE"), out);
    }

    @Test
    void json_holds_every_decision_field_by_field() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(HistoryCommand::new, SyntheticCampaign.ID, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = Json.parse(r.out());
        assertEquals(SyntheticCampaign.ID, root.at("/campaign/campaignId").asText());
        assertTrue(root.at("/campaign/simulated").asBoolean());
        JsonNode first = root.at("/decisions/0");
        assertEquals("promoted", first.at("/status").asText());
        assertEquals(3, first.at("/gate/fixes").asInt());
        assertEquals(0, first.at("/gate/newRegressions").asInt());
        assertEquals(0.1, first.at("/promotion/confirmDelta").asDouble(), 1e-9);
        assertEquals(24, first.at("/promotion/confirmAfter/passed").asInt());
        assertEquals(40, first.at("/promotion/confirmAfter/total").asInt());
        assertEquals(0.446, first.at("/promotion/confirmAfter/low").asDouble(), 5e-4);
        assertEquals(0.737, first.at("/promotion/confirmAfter/high").asDouble(), 5e-4);
        assertEquals(63, first.at("/iterationSpend/calls").asInt());
        assertEquals(9, root.at("/decisions").size());
    }

    @Test
    void a_path_to_the_events_db_works_too() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(HistoryCommand::new, cli.db.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(cli.db, cli.opened.get(0));
    }

    @Test
    void a_campaign_folder_works_too() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(HistoryCommand::new, cli.db.getParent().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(cli.db, cli.opened.get(0));
    }

    @Test
    void an_unknown_campaign_is_bad_input_naming_where_it_looked() {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        ReportingCli.Result r = cli.run(HistoryCommand::new, "no-such-campaign");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("no-such-campaign" + java.io.File.separator + "events.db"), r.err());
        assertTrue(cli.opened.isEmpty());
    }

    @Test
    void a_file_that_is_no_database_is_bad_input_not_a_damaged_log() throws java.io.IOException {
        ReportingCli cli = new ReportingCli(tmp, SyntheticCampaign.events());
        java.nio.file.Path notes = java.nio.file.Files.writeString(tmp.resolve("README.md"), "# notes\n");
        ReportingCli.Result r = cli.run(HistoryCommand::new, notes.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("README.md: not a campaign log (not an SQLite database)"), r.err());
        assertTrue(cli.opened.isEmpty());
    }

    @Test
    void a_log_without_a_campaign_is_bad_input() {
        ReportingCli cli = new ReportingCli(tmp, java.util.List.of());
        ReportingCli.Result r = cli.run(HistoryCommand::new, SyntheticCampaign.ID);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("not a campaign log"), r.err());
    }

    @Test
    void registered_under_ratchet_with_help() {
        StringWriter out = new StringWriter();
        int code =
                Main.run(new String[] {"history", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("promotion timeline"));
    }
}
