package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.config.CampaignConfig.EnvironmentShare;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.Skill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-hold on the simulator: a campaign whose promotion chain holds a truly harmful
 * edit. No gate setting promotes unconditionally, so the test forces the promotion the only way a
 * test can: it writes the chain's promotion events itself (v0 -> v1 helpful -> v2 harmful -> v3
 * helpful), each edit a catalogue skill whose true effect the simulator knows.
 * Re-check, bisection and rollback then run through the real shell on the same simulator.
 */
class AuditMustHoldTest {

    private static final String ID = "audit-must-hold";
    private static final String CONFIG =
            """
            name: audit
            models: {agent: sim-agent, proposer: sim-proposer}
            environments:
              - units.roman
              - {id: arith.add, weight: 1}
            splits: {train: 40, probe: 40, confirm: 16}
            gate: {min-env-items: 0, screen-items: 24, min-items: 120, max-items: 1440, chunk-items: 120, alpha: 0.01}
            iterations: 4
            concurrency: 4
            seed: 23
            """;

    @TempDir
    static Path dir;

    private static LiveCampaign campaign;
    private static List<Library> chain;
    private static List<Event> recorded;

    @BeforeAll
    static void recordAChainWithAForcedHarmfulPromotion() {
        campaign = LiveCampaign.in(dir, CONFIG);
        try (CampaignSetup setup = campaign.setup()) {
            SimulatedWorld world = setup.world().orElseThrow();
            Library v0 = setup.start();
            List<Skill> byEffect = world.candidateSkills().stream()
                    .sorted(Comparator.comparingDouble((Skill s) -> effect(world, v0, s))
                            .thenComparing(Skill::name))
                    .toList();
            Skill harmful = byEffect.get(0);
            // Small, truly helpful edits to the other environment, which cannot undo the harmful one.
            List<Skill> helpful = byEffect.stream()
                    .filter(s -> !s.name().startsWith(harmful.name().substring(0, 6)))
                    .filter(s -> effect(world, v0, s) > 0.005)
                    .limit(2)
                    .toList();
            chain = new ArrayList<>(List.of(v0));
            for (Skill s : List.of(helpful.get(0), harmful, helpful.get(1))) {
                chain.add(with(chain.get(chain.size() - 1), s));
            }
        }
        recorded = promotions();
    }

    @Test
    void recheckFlagsTheHarmfulPromotionBisectNamesItAndRollbackRestoresItsPredecessor() {
        InMemoryEventLog log = logOf(recorded);
        try (CampaignSetup setup = campaign.setup()) {
            SimulatedWorld world = setup.world().orElseThrow();
            assertTrue(truth(world, chain.get(2)) < truth(world, chain.get(1)) - 0.03, "v2 is truly harmful");
            assertTrue(truth(world, chain.get(3)) < truth(world, chain.get(0)), "bad is truly worse than good");
            Auditor auditor = setup.auditor(log, ID, e -> {});

            LoopState state = auditor.run(Auditor.plan(state(log), AuditStarted.RECHECK, null, null, null, false));
            List<AuditCompared> recheck = state.audits().comparisons("recheck-1");
            assertEquals(3, recheck.size());
            assertEquals(
                    List.of("i2-c1"),
                    recheck.stream()
                            .filter(AuditCompared::worse)
                            .map(AuditCompared::candidateId)
                            .toList());
            assertTrue(recheck.get(1).gain().high() < 0, "the harmful promotion's interval lies below zero");

            String good = chain.get(0).version();
            String bad = chain.get(3).version();
            state = auditor.run(Auditor.plan(state, AuditStarted.BISECT, good, bad, null, false));
            AuditFinished bisect = state.audits().finished("bisect-1").orElseThrow();
            assertEquals(chain.get(2).version(), bisect.version(), bisect.verdict());
            assertTrue(state.audits().comparisons("bisect-1").size() <= 3, "ceil(log2 3) + 1 comparisons at most");

            state = auditor.append(Auditor.rollback(state, chain.get(1).version(), "recheck-1 flagged i2-c1"));
            assertEquals(chain.get(1).version(), state.currentVersion());
            Library current = state.library(state.currentVersion()).orElseThrow();
            assertEquals(truth(world, chain.get(1)), truth(world, current), 1e-12);
            GroundTruth gt =
                    GroundTruth.of(events(log), world, campaign.config().environments());
            assertEquals(truth(world, chain.get(1)), gt.finalAccuracy(), 1e-12);
        }
    }

    @Test
    void aRecheckCutShortAnywhereFinishesAsAnUninterruptedOneWithoutRepeatingAnything() {
        InMemoryEventLog whole = logOf(recorded);
        try (CampaignSetup setup = campaign.setup()) {
            setup.auditor(whole, ID, e -> {})
                    .run(Auditor.plan(state(whole), AuditStarted.RECHECK, null, null, null, false));
        }
        List<Event> all = events(whole);
        for (int cut : List.of(recorded.size() + 1, recorded.size() + 333, all.size() - 1)) {
            InMemoryEventLog partial = logOf(all.subList(0, cut));
            try (CampaignSetup setup = campaign.setup()) {
                setup.auditor(partial, ID, e -> {})
                        .run(Auditor.plan(state(partial), AuditStarted.RECHECK, null, null, null, false));
            }
            assertEquals(all, events(partial), "resumed after " + cut + " events");
        }
    }

    /** The campaign's log: its start, the starting library, three forced promotions, its stop. */
    private static List<Event> promotions() {
        List<Event> out = new ArrayList<>();
        out.add(campaign.started(ID));
        out.add(LibrarySnapshots.snapshot(chain.get(0), null));
        for (int i = 1; i < chain.size(); i++) {
            Library from = chain.get(i - 1);
            Library to = chain.get(i);
            String cid = "i" + i + "-c1";
            out.add(new IterationStarted(i, from.version(), List.of()));
            out.add(LibrarySnapshots.snapshot(to, from.version()));
            GateDecided.Gain claimed = new GateDecided.Gain(480, 0.04, 0.01, 0.07);
            out.add(new GateDecided(i, cid, List.of(verdict(cid, to, claimed))));
            out.add(new CandidatePromoted(i, cid, from.version(), to.version()));
        }
        out.add(new CampaignStopped("iterations", "3 iterations", chain.size() - 1));
        return out;
    }

    private static GateDecided.Verdict verdict(String cid, Library to, GateDecided.Gain claimed) {
        return new GateDecided.Verdict(
                cid,
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
                claimed,
                List.of(),
                null,
                to.version());
    }

    private static double effect(SimulatedWorld world, Library base, Skill s) {
        return truth(world, with(base, s)) - truth(world, base);
    }

    private static double truth(SimulatedWorld world, Library library) {
        List<EnvironmentShare> shares = campaign.config().environments();
        return GroundTruth.accuracy(world, library, shares);
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

    private static LoopState state(InMemoryEventLog log) {
        return LoopState.of(events(log));
    }

    private static List<Event> events(InMemoryEventLog log) {
        try (Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            return s.map(RecordedEvent::event).toList();
        }
    }
}
