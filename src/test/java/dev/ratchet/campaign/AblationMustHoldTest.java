package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.config.CampaignConfig.EnvironmentShare;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.projection.AuditFigures;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.Skill;
import dev.ratchet.skill.SkillFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-hold for ablation on the simulator: in a library of two truly helpful learned
 * skills and one truly useless one, leave-one-out ablation ranks the useless skill last and marks it
 * (and only it) for pruning. As in {@link AuditMustHoldTest}, the test writes the promotions itself:
 * v0 -> v1 (helpful) -> v2 (helpful) -> v3 (a hand-written skill the simulator knows nothing of, so
 * by its ground truth it changes nothing).
 */
class AblationMustHoldTest {

    private static final String ID = "ablation-must-hold";
    private static final String CONFIG =
            """
            name: ablation
            models: {agent: sim-agent, proposer: sim-proposer}
            environments:
              - units.roman
              - {id: arith.add, weight: 1}
            splits: {train: 40, probe: 40, confirm: 16}
            gate: {min-env-items: 0, screen-items: 24, min-items: 120, max-items: 1440, chunk-items: 120, alpha: 0.05}
            iterations: 4
            concurrency: 4
            seed: 29
            """;

    private static final Skill USELESS = new Skill(
            "answer-politely",
            "Keep a courteous tone",
            "any task",
            List.of("style"),
            "Be courteous in every reply; thank the user for the task before you start working on it.",
            SkillFiles.HAND_WRITTEN);

    @TempDir
    static Path dir;

    private static LiveCampaign campaign;
    private static List<Library> chain;
    private static List<Event> recorded;

    @BeforeAll
    static void recordAChainEndingInAUselessSkill() {
        campaign = LiveCampaign.in(dir, CONFIG);
        try (CampaignSetup setup = campaign.setup()) {
            SimulatedWorld world = setup.world().orElseThrow();
            Library v0 = setup.start();
            List<Skill> byEffect = world.candidateSkills().stream()
                    .sorted(Comparator.comparingDouble((Skill s) -> -effect(world, v0, s))
                            .thenComparing(Skill::name))
                    .toList();
            chain = new ArrayList<>(List.of(v0));
            chain.add(with(v0, byEffect.get(0)));
            // The next skill that still adds at least three points on top of the first.
            Skill second = byEffect.stream()
                    .skip(1)
                    .filter(s -> effect(world, chain.get(1), s) > 0.03)
                    .findFirst()
                    .orElseThrow();
            chain.add(with(chain.get(1), second));
            chain.add(with(chain.get(2), USELESS));
        }
        recorded = promotions();
    }

    @Test
    void ablationRanksATrulyUselessSkillLastAndMarksOnlyItForPruning() {
        InMemoryEventLog log = logOf(recorded);
        try (CampaignSetup setup = campaign.setup()) {
            SimulatedWorld world = setup.world().orElseThrow();
            Library full = chain.get(3);
            assertTrue(world.trueEffect(USELESS).terms().isEmpty(), "the simulator's catalogue gives it no effect");
            // Any text nudges unrelated answers a little (the simulator's diffuse effect): far below a point.
            assertEquals(truth(world, chain.get(2)), truth(world, full), 0.001, "the skill is truly useless");
            for (Skill s : chain.get(2).skills().stream()
                    .filter(s -> v0().skill(s.name()).isEmpty())
                    .toList()) {
                assertTrue(truth(world, full) - truth(world, without(full, s)) > 0.02, s.name() + " truly helps");
            }

            LoopState state = setup.auditor(log, ID, e -> {})
                    .run(Auditor.plan(state(log), AuditStarted.ablate("?", full.version()), false));

            List<AuditCompared> parts = state.audits().comparisons("ablate-1");
            assertEquals(3, parts.size(), "three learned skills, one comparison each");
            List<AuditCompared> ranked = AuditFigures.ranked(parts);
            assertEquals("skill:" + USELESS.name(), ranked.get(2).part(), "ranked last: " + ranked);
            assertEquals(
                    List.of("skill:" + USELESS.name()),
                    AuditFigures.pruningCandidates(parts).stream()
                            .map(AuditCompared::part)
                            .toList());
            assertTrue(ranked.get(0).better() && ranked.get(1).better(), "helpful parts shown to help: " + ranked);
            assertTrue(ranked.get(2).gain().low() < 0, "the useless skill's interval holds zero: " + ranked.get(2));
            assertFalse(state.audits().finished("ablate-1").isEmpty());
        }
    }

    @Test
    void eachPartDrawsItsOwnFreshItemsAndACutShortAblationFinishesAsAnUninterruptedOne() {
        InMemoryEventLog whole = logOf(recorded);
        AuditStarted wanted = AuditStarted.ablate("?", chain.get(3).version());
        try (CampaignSetup setup = campaign.setup()) {
            setup.auditor(whole, ID, e -> {}).run(Auditor.plan(state(whole), wanted, false));
        }
        List<Event> all = events(whole);
        List<Set<String>> byPart = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        all.stream()
                .filter(EpisodeScored.class::isInstance)
                .map(EpisodeScored.class::cast)
                .forEach(e -> byPart.get(Integer.parseInt(e.episodeId().split("[.]")[1]))
                        .add(e.instanceId()));
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                Set<String> shared = new HashSet<>(byPart.get(i));
                shared.retainAll(byPart.get(j));
                assertTrue(shared.isEmpty(), "parts " + i + " and " + j + " share " + shared);
            }
        }
        for (int cut : cuts(all)) {
            InMemoryEventLog partial = logOf(all.subList(0, cut));
            try (CampaignSetup setup = campaign.setup()) {
                setup.auditor(partial, ID, e -> {}).run(Auditor.plan(state(partial), wanted, false));
            }
            assertSameEvents(all, events(partial), "resumed after " + cut + " events");
        }
    }

    /**
     * Where a kill can leave the log: after the audit's start, after each event it appended on its own
     * (a snapshot, a comparison), inside a part's episodes, and before its end. Never between an
     * episode's calls and its score, which are appended in one transaction.
     */
    private static List<Integer> cuts(List<Event> all) {
        List<Integer> cuts = new ArrayList<>(List.of(recorded.size() + 1, all.size() - 1));
        for (int i = recorded.size() + 1; i < all.size(); i++) {
            Event e = all.get(i);
            if (e instanceof LibrarySnapshotted || e instanceof AuditCompared) {
                cuts.add(i + 1);
            }
        }
        int inside = recorded.size() + 401;
        while (all.get(inside - 1) instanceof ModelCallRecorded) {
            inside++;
        }
        cuts.add(inside);
        assertTrue(cuts.size() >= 6, "a snapshot and three comparisons to cut after: " + cuts);
        return cuts;
    }

    /** Equal event lists, or a message naming the first that differs (whole logs are too long to print). */
    private static void assertSameEvents(List<Event> expected, List<Event> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                String e = expected.get(i).toString();
                String a = actual.get(i).toString();
                throw new AssertionError(what + ": event " + i + " differs:\n  expected "
                        + e.substring(0, Math.min(600, e.length())) + "\n  actual   "
                        + a.substring(0, Math.min(600, a.length())));
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": event count");
    }

    private static Library v0() {
        return chain.get(0);
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
            out.add(new GateDecided(i, cid, List.of(verdict(cid, to))));
            out.add(new CandidatePromoted(i, cid, from.version(), to.version()));
        }
        out.add(new CampaignStopped("iterations", "3 iterations", chain.size() - 1));
        return out;
    }

    private static GateDecided.Verdict verdict(String cid, Library to) {
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
                new GateDecided.Gain(480, 0.04, 0.01, 0.07),
                List.of(),
                null,
                to.version());
    }

    private static double effect(SimulatedWorld world, Library base, Skill s) {
        return base.skill(s.name()).isPresent() ? -1 : truth(world, with(base, s)) - truth(world, base);
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

    private static Library without(Library base, Skill skill) {
        List<Skill> skills = new ArrayList<>(base.skills());
        skills.remove(skill);
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
