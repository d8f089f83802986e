package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.Skill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer on the simulator: a campaign on units.roman and arith.add whose one promotion is a truly
 * helpful arith.add skill. On held-out environments, a composite that contains arith.add truly gains
 * and is measured better; a held-out base environment the skill is not about is not measured better.
 */
class TransferTest {

    private static final String ID = "transfer";
    private static final String COMPOSITE = "seq(arith.add,nt.digit-sum)";
    private static final String CONFIG =
            """
            name: transfer
            models: {agent: sim-agent, proposer: sim-proposer}
            environments: [units.roman, arith.add]
            holdout-environments: [lists.sum, "seq(arith.add,nt.digit-sum)"]
            splits: {train: 40, probe: 40, confirm: 16}
            gate: {min-env-items: 0, screen-items: 24, min-items: 120, max-items: 1440, chunk-items: 120, alpha: 0.05}
            concurrency: 4
            seed: 31
            """;

    @TempDir
    Path dir;

    @Test
    void theFinalLibraryGainsWhereItsSkillAppliesAndAnInterruptedMeasurementFinishesAlike() {
        LiveCampaign campaign = LiveCampaign.in(dir, CONFIG);
        List<Event> recorded;
        try (CampaignSetup setup = campaign.setup()) {
            SimulatedWorld world = setup.world().orElseThrow();
            Library v0 = setup.start();
            Skill best = world.candidateSkills().stream()
                    .filter(s -> s.name().startsWith("arith-add"))
                    .max(Comparator.comparingDouble(s -> world.trueAccuracy(with(v0, s), COMPOSITE)))
                    .orElseThrow();
            Library v1 = with(v0, best);
            assertTrue(world.trueAccuracy(v1, COMPOSITE) - world.trueAccuracy(v0, COMPOSITE) > 0.05, "truly gains");
            recorded = promotion(campaign, v0, v1);
        }
        List<String> held = HeldOut.environments(campaign.config(), EnvironmentCatalog.builtIn());
        assertEquals(List.of("lists.sum", COMPOSITE), held, "the config's held-out environments");
        InMemoryEventLog whole = logOf(recorded);
        AuditStarted wanted = AuditStarted.transfer("?", startOf(recorded), currentOf(recorded), held);
        try (CampaignSetup setup = campaign.setup()) {
            LoopState state =
                    setup.auditor(whole, ID, e -> {}).run(Auditor.plan(LoopState.of(recorded), wanted, false));
            List<AuditCompared> measured = state.audits().comparisons("transfer-1");
            assertEquals(held, measured.stream().map(AuditCompared::env).toList());
            assertTrue(measured.get(1).better(), "the composite with arith.add: " + measured.get(1));
            assertTrue(!measured.get(0).better(), "lists.sum: " + measured.get(0));
        }
        List<Event> all = events(whole);
        for (int cut : List.of(recorded.size() + 1, boundary(all, recorded.size() + 201), all.size() - 1)) {
            InMemoryEventLog partial = logOf(all.subList(0, cut));
            try (CampaignSetup setup = campaign.setup()) {
                setup.auditor(partial, ID, e -> {}).run(Auditor.plan(LoopState.of(events(partial)), wanted, false));
            }
            assertTrue(all.equals(events(partial)), "resumed after " + cut + " events");
        }
    }

    @Test
    void theDefaultSetIsThreeUnusedBasesAndACompositeDeeperThanTheCampaigns() {
        LiveCampaign campaign = LiveCampaign.in(dir, LiveCampaign.config(3));
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn();
        List<String> held = HeldOut.environments(campaign.config(), catalog);
        List<String> used = CampaignSetup.baseIds(campaign.config(), catalog);
        assertEquals(4, held.size(), held.toString());
        assertTrue(held.subList(0, 3).stream().noneMatch(used::contains), held + " against " + used);
        assertEquals("par(seq(arith.add,nt.digit-sum),units.roman)", held.get(3));
        assertEquals(held, HeldOut.environments(campaign.config(), catalog), "the same set every time");
        assertEquals(List.of("a", "par(seq(b,c),d)", "e"), HeldOut.split(" a, par(seq(b,c),d) ,e,"));
    }

    /** The first index at or after {@code at} that does not split an episode's calls from its score. */
    private static int boundary(List<Event> all, int at) {
        int i = at;
        while (all.get(i - 1) instanceof ModelCallRecorded) {
            i++;
        }
        return i;
    }

    private static List<Event> promotion(LiveCampaign campaign, Library v0, Library v1) {
        GateDecided.Verdict verdict = new GateDecided.Verdict(
                "i1-c1",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                true,
                "forced by the test",
                List.of(),
                "success",
                null,
                new GateDecided.Gain(480, 0.04, 0.01, 0.07),
                List.of(),
                null,
                v1.version());
        return List.of(
                campaign.started(ID),
                LibrarySnapshots.snapshot(v0, null),
                new IterationStarted(1, v0.version(), List.of()),
                LibrarySnapshots.snapshot(v1, v0.version()),
                new GateDecided(1, "i1-c1", List.of(verdict)),
                new CandidatePromoted(1, "i1-c1", v0.version(), v1.version()),
                new CampaignStopped("iterations", "1 iteration", 1));
    }

    private static String startOf(List<Event> events) {
        return LoopState.of(events).startVersion();
    }

    private static String currentOf(List<Event> events) {
        return LoopState.of(events).currentVersion();
    }

    private static Library with(Library base, Skill skill) {
        List<Skill> skills = new ArrayList<>(base.skills());
        skills.add(skill);
        return new Library(base.sections(), skills);
    }

    private static InMemoryEventLog logOf(List<Event> events) {
        InMemoryEventLog log = new InMemoryEventLog(LiveCampaign.FIXED);
        log.append(ID, 0, events.stream().map(NewEvent::of).toList());
        return log;
    }

    private static List<Event> events(InMemoryEventLog log) {
        try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            return s.map(RecordedEvent::event).toList();
        }
    }
}
