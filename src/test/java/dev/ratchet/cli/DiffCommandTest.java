package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.projection.SyntheticCampaign;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path tmp;

    private ReportingCli cli;

    @BeforeEach
    void campaign() {
        cli = new ReportingCli(tmp, SyntheticCampaign.events());
    }

    @Test
    void initial_to_current_shows_the_added_skill_and_the_edited_section() {
        ReportingCli.Result r = cli.run(DiffCommand::new, SyntheticCampaign.ID, "initial", "current");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("skills: 1 added, 0 modified, 0 removed; sections: 1 changed"), out);
        assertTrue(out.contains("+ skill carry-digits (added)"), out);
        assertTrue(out.contains("    trigger: when the task is about carry-digits"), out);
        assertTrue(out.contains("    +Add column by column; write the <carry> & check a < b."), out);
        assertTrue(out.contains("~ section format (edited)"), out);
        assertTrue(
                out.contains("    -Answer with the final value only.\n    +Answer with the value only, no words."),
                out);
    }

    @Test
    void promoted_candidate_ids_name_the_versions_they_made() {
        ReportingCli.Result r = cli.run(DiffCommand::new, SyntheticCampaign.ID, "c-1-1", "c-2-1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("skills: 0 added, 0 modified, 0 removed; sections: 1 changed"), r.out());
        ReportingCli.Result same = cli.run(DiffCommand::new, SyntheticCampaign.ID, "current", "c-2-1");
        assertTrue(same.out().contains("no difference"), same.out());
    }

    @Test
    void any_candidate_id_names_its_library_promoted_or_not() {
        ReportingCli.Result gated = cli.run(DiffCommand::new, SyntheticCampaign.ID, "initial", "c-1-3");
        assertEquals(0, gated.exitCode(), gated.err());
        assertTrue(gated.out().contains("~ skill units (modified)"), "rejected by the gate: " + gated.out());
        assertTrue(gated.out().contains("    -Keep the unit.\n    +Drop units."), gated.out());

        ReportingCli.Result statically = cli.run(DiffCommand::new, SyntheticCampaign.ID, "initial", "c-1-2");
        assertEquals(0, statically.exitCode(), statically.err());
        assertTrue(
                statically.out().contains("+ skill be-careful (added)"),
                "rejected by a static rule, never snapshotted: " + statically.out());

        ReportingCli.Result later = cli.run(DiffCommand::new, SyntheticCampaign.ID, "c-1-1", "c-3-2");
        assertEquals(0, later.exitCode(), later.err());
        assertTrue(later.out().contains("+ skill reverse-fast (added)"), later.out());
        assertTrue(
                later.out().contains("~ section format (edited)"), "c-3-2 builds on c-2-1's promotion: " + later.out());
    }

    @Test
    void an_unknown_version_is_bad_input_listing_the_versions() {
        ReportingCli.Result r = cli.run(DiffCommand::new, SyntheticCampaign.ID, "initial", "c-9-9");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("VERSION_B: no library version 'c-9-9'"), r.err());
        assertTrue(r.err().contains("snapshotted versions: "), r.err());
        assertTrue(r.err().contains("a candidate's id"), r.err());
    }
}
