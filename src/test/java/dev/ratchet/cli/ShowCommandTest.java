package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.projection.SyntheticCampaign;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    @TempDir
    Path tmp;

    private ReportingCli cli;

    @BeforeEach
    void campaign() {
        cli = new ReportingCli(tmp, SyntheticCampaign.events());
    }

    @Test
    void an_iteration_shows_each_candidate_then_every_item_with_both_trajectories() {
        ReportingCli.Result r = cli.run(ShowCommand::new, SyntheticCampaign.ID, "1");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("candidate c-1-1 · PROMOTED"), out);
        assertTrue(out.contains("      | Add column by column; write the <carry> & check a < b."), out);
        assertTrue(out.contains("candidate c-1-2 · STATIC-REJECTED"), out);
        assertTrue(out.contains("probe: 8 items (4 failing when drawn)"), out);
        assertTrue(out.contains("[1/8] arith.add@1005/d2 (arith.add) · failing when drawn"), out);
        assertTrue(out.contains("  c-1-1: before fail · baseline fail · candidate pass -> FIX"), out);
        assertTrue(out.contains("  c-1-3: before pass · baseline pass · candidate fail -> REGRESSION"), out);
        assertTrue(out.contains("-> FLAKY (not counted)"), out);
        String item = out.substring(out.indexOf("[1/8]"), out.indexOf("[2/8]"));
        assertTrue(item.contains("      call call-ep-1-base-0-0 · agent · simulated-agent"), item);
        assertTrue(item.contains("        user> Task id: arith.add@1005/d2"), item);
        assertTrue(item.contains("        answer> 41"), "the baseline's answer");
        assertTrue(item.contains("  candidate c-1-1 "), item);
        assertTrue(item.contains("        answer> 42"), "the candidate's answer");
        assertFalse(out.contains("system>"), "the system prompt only with --full");
    }

    @Test
    void a_candidate_id_shows_that_candidate_only() {
        ReportingCli.Result r = cli.run(ShowCommand::new, SyntheticCampaign.ID, "c-1-3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("candidate c-1-3 · REJECTED"));
        assertFalse(r.out().contains("c-1-1"), r.out());
    }

    @Test
    void item_and_full_narrow_and_widen_the_output() {
        ReportingCli.Result r =
                cli.run(ShowCommand::new, SyntheticCampaign.ID, "c-1-1", "--item", "arith.add@1005/d2", "--full");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[1/8]"));
        assertFalse(r.out().contains("[2/8]"));
        assertTrue(r.out().contains("system> ## role"), "the whole system prompt");
        assertTrue(r.out().contains("### Skill: carry-digits"), "the candidate's prompt holds its skill");
    }

    @Test
    void an_iteration_without_a_gate_says_so() {
        ReportingCli.Result r = cli.run(ShowCommand::new, SyntheticCampaign.ID, "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("no candidate reached stage 2 of the gate in this iteration"), r.out());
        assertTrue(r.out().contains("harness-instructions"), r.out());
    }

    @Test
    void an_unknown_decision_or_item_is_bad_input() {
        ReportingCli.Result r = cli.run(ShowCommand::new, SyntheticCampaign.ID, "c-9-9");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(
                r.err().contains("no decision 'c-9-9' in campaign night-7: give an iteration number (1-4)"), r.err());
        ReportingCli.Result item = cli.run(ShowCommand::new, SyntheticCampaign.ID, "1", "--item", "nope");
        assertEquals(ExitCodes.BAD_INPUT, item.exitCode());
        assertTrue(item.err().contains("--item nope"), item.err());
    }
}
