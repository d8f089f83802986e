package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.GateDecided.Verdict;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Given a campaign driven to a point by a scripted world, when the decider takes its next steps,
 * then these are the events it decides. One test per rule of the loop.
 */
class DeciderTest {

    private static final String HELP_ALPHA = FakeWorld.add("help-alpha", "the task is an alpha task");
    private static final String HELP_BETA = FakeWorld.add("help-beta", "the task is a beta task");

    @Test
    void aNewCampaignSnapshotsTheStartingLibraryThenEvaluatesItOnTheConfirmSplit() {
        CampaignHarness h = CampaignHarness.of("", FakeWorld.clean(id -> HELP_ALPHA));

        Action first = h.step();
        Action second = h.step();

        LibrarySnapshotted start = (LibrarySnapshotted)
                assertInstanceOf(Action.Emit.class, first).events().get(0);
        assertEquals(CampaignHarness.START.version(), start.version());
        assertNull(start.parentVersion());
        List<EpisodeRequest> confirm =
                assertInstanceOf(Action.RunEpisodes.class, second).requests();
        assertEquals(CampaignHarness.CONFIRM.size(), confirm.size());
        assertEquals("i0/confirm/alpha@3000/d1/s0", confirm.get(0).episodeId());
        assertTrue(confirm.stream().allMatch(r -> r.phase().equals("confirm") && r.iteration() == 0));
        ConfirmScored scored = h.runUntil(ConfirmScored.class);
        assertEquals(0, scored.iteration());
        assertEquals(CampaignHarness.CONFIRM.size(), scored.total());
    }

    @Test
    void theLibraryCapRejectsAnAdditionBeyondIt() {
        Skill learned =
                new Skill("old-rule", "d", "the task is old", List.of(), "b", "proposed: iteration 1, candidate x");
        List<Skill> skills = new ArrayList<>(CampaignHarness.START.skills());
        skills.add(learned);
        Library full = new Library(CampaignHarness.START.sections(), skills);
        CampaignHarness h = new CampaignHarness(
                CampaignHarness.config("candidates: 1\nlibrary: {max-skills: 1}\n"),
                FakeWorld.clean(id -> HELP_ALPHA),
                full);

        h.runUntil(CandidateDiscarded.class);

        StaticCheckFailed failed =
                CampaignHarness.ofType(h.events(), StaticCheckFailed.class).get(0);
        assertEquals("library-cap", failed.rule());
        assertTrue(failed.detail().contains("2 learned skills; the cap is 1"), failed.detail());
        assertTrue(CampaignHarness.ofType(h.events(), ProbeBuilt.class).isEmpty(), "nothing reaches the probe");
        List<CandidateDiscarded> discards = CampaignHarness.ofType(h.events(), CandidateDiscarded.class);
        assertEquals("i1-c1", discards.get(0).candidateId());
        assertNull(discards.get(1).candidateId());
        assertEquals("no candidate passed the static gate", discards.get(1).reason());
    }

    @Test
    void theCampaignStopsAfterMConsecutiveDiscards() {
        String neutral = FakeWorld.add("neutral-one", "the answer is a number");
        CampaignHarness h = CampaignHarness.of(
                "candidates: 1\niterations: 10\nstop-after-discards: 2\n", FakeWorld.clean(id -> neutral));

        List<Event> events = h.run();

        CampaignStopped stop =
                CampaignHarness.ofType(events, CampaignStopped.class).get(0);
        assertEquals("consecutive-discards", stop.reason());
        assertEquals(2, stop.iterations());
        assertEquals(2, CampaignHarness.ofType(events, GateDecided.class).size());
        assertEquals(stop, events.get(events.size() - 1));
        assertInstanceOf(Action.Done.class, h.step());
    }

    @Test
    void aTestThatReachesTheCapStopsAtMaxItemsEvenWhenChunksDoNotDivideIt() {
        // A helpful candidate under an error rate no 100 items can meet: its test runs to the cap.
        CampaignHarness h = CampaignHarness.of(
                "iterations: 1\ngate: {screen-items: 24, chunk-items: 48, min-items: 48, max-items: 100,"
                        + " min-env-items: 0, alpha: 1.0e-12}\n",
                FakeWorld.clean(id -> HELP_ALPHA));

        List<GateDecided.Verdict> capped = CampaignHarness.ofType(h.run(), GateDecided.class).stream()
                .flatMap(g -> g.verdicts().stream())
                .filter(v -> "capped".equals(v.status()))
                .toList();

        assertFalse(capped.isEmpty(), "some finalist ran to the cap");
        capped.forEach(v -> assertEquals(100, v.gain().items(), v.reason()));
    }

    @Test
    void theCampaignStopsAfterItsIterations() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\niterations: 2\n", FakeWorld.standard(0.05, 0));

        CampaignStopped stop =
                CampaignHarness.ofType(h.run(), CampaignStopped.class).get(0);

        assertEquals("iterations", stop.reason());
        assertEquals(
                2, CampaignHarness.ofType(h.events(), IterationStarted.class).size());
    }

    @Test
    void aSpentCallBudgetStopsTheCampaignBeforeItSpendsMore() {
        CampaignHarness h = CampaignHarness.of("budgets: {model-calls: 40}\n", FakeWorld.clean(id -> HELP_ALPHA));

        List<Event> events = h.run();

        CampaignStopped stop =
                CampaignHarness.ofType(events, CampaignStopped.class).get(0);
        assertEquals("budget-calls", stop.reason());
        // The decider alone checks before a whole round; the shell cuts the round to fit (CallAccountingTest).
        assertEquals("54 model calls, 14 over the budget of 40", stop.detail());
        assertEquals(1, stop.iterations());
        assertTrue(h.state().proposerCalls().isEmpty(), "the proposer was not called past the budget");
    }

    @Test
    void wallTimeIsTheShellsInputAndStopsTheCampaign() {
        CampaignHarness h = CampaignHarness.of("budgets: {wall-time: 2m}\n", FakeWorld.clean(id -> HELP_ALPHA))
                .withClock(s -> s.spend().calls() >= 30 ? Duration.ofMinutes(3) : Duration.ZERO);

        CampaignStopped stop =
                CampaignHarness.ofType(h.run(), CampaignStopped.class).get(0);

        assertEquals("budget-wall-time", stop.reason());
        assertEquals(0, stop.iterations(), "stopped right after the starting library's confirm evaluation");
    }

    @Test
    void aMalformedAnswerIsRetriedOnceThenRecordedAsAFailedProposal() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\n", FakeWorld.clean(id -> "Add a skill, maybe?"));
        h.runUntil(IterationStarted.class);
        h.step(); // batch
        h.step(); // classifications

        Action first = h.step();
        Action retry = h.step();
        CandidateDiscarded end = h.runUntil(CandidateDiscarded.class);

        assertEquals(
                "i1/propose/c1/a1",
                assertInstanceOf(Action.CallProposer.class, first)
                        .calls()
                        .get(0)
                        .callId());
        ProposerCall second =
                assertInstanceOf(Action.CallProposer.class, retry).calls().get(0);
        assertEquals("i1/propose/c1/a2", second.callId());
        assertEquals(4, second.request().messages().size());
        assertTrue(
                ((UserMessage) second.request().messages().get(3)).singleText().contains("no JSON object found"));
        ProposalFailed failed =
                CampaignHarness.ofType(h.events(), ProposalFailed.class).get(0);
        assertEquals("i1/propose/c1/a2", failed.callId());
        assertTrue(failed.reason().startsWith("malformed twice: no JSON object found"), failed.reason());
        assertNull(end.candidateId());
        assertEquals("the proposer gave no usable proposal", end.reason());
    }

    @Test
    void aFailedProposerCallIsNotRetriedByTheDecider() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\n", FakeWorld.clean(id -> null));

        h.runUntil(CandidateDiscarded.class);

        ProposalFailed failed =
                CampaignHarness.ofType(h.events(), ProposalFailed.class).get(0);
        assertEquals("the proposer call failed (server-error)", failed.reason());
        assertFalse(h.state().proposerCalls().containsKey("i1/propose/c1/a2"));
    }

    @Test
    void aBatchWithoutFailuresEndsTheIterationWithoutCallingTheProposer() {
        CampaignHarness h = CampaignHarness.of("", new FakeWorld((r, lib) -> "pass", id -> HELP_ALPHA));

        CandidateDiscarded end = h.runUntil(CandidateDiscarded.class);

        assertNull(end.candidateId());
        assertEquals("every batch episode passed: nothing to learn from", end.reason());
        assertTrue(h.state().proposerCalls().isEmpty());
    }

    @Test
    void infrastructureFailuresInTheBatchGiveTheProposerNothingToWorkOn() {
        FakeWorld world = new FakeWorld((r, lib) -> r.phase().equals("batch") ? "infra" : "pass", id -> HELP_ALPHA);
        CampaignHarness h = CampaignHarness.of("", world);

        CandidateDiscarded end = h.runUntil(CandidateDiscarded.class);

        assertEquals("every batch failure was infrastructure: nothing the agent can fix", end.reason());
        assertEquals(24, h.state().current().failures().size());
    }

    @Test
    void theNextProposerSeesThePromotedSkillsRecord() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\n", FakeWorld.clean(id -> HELP_ALPHA));
        Verdict accepted = h.runUntil(GateDecided.class).verdicts().get(0);
        assertTrue(accepted.accepted(), accepted.reason());
        h.runUntil(IterationStarted.class);
        Action call = h.step();
        while (!(call instanceof Action.CallProposer)) {
            call = h.step();
        }

        String user = ((UserMessage) ((Action.CallProposer) call)
                        .calls()
                        .get(0)
                        .request()
                        .messages()
                        .get(1))
                .singleText();
        String json = user.substring(user.indexOf("```json\n") + 8, user.lastIndexOf("\n```"));
        var skill = Json.parse(json).get("library").get(1);
        assertEquals("help-alpha", skill.get("name").asText());
        assertEquals(accepted.fixes(), skill.get("fixes").asInt());
        assertEquals(accepted.regressions(), skill.get("regressions").asInt());
    }

    /** The gate's items are drawn fresh: none is in a split, and the two stages never share one. */
    @Test
    void aHelpfulCandidateIsPromotedOnFreshItemsWithItsGainAndItsInterval() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\n", FakeWorld.clean(id -> HELP_ALPHA));
        GateDecided decided = h.runUntil(GateDecided.class);
        Verdict v = decided.verdicts().get(0);

        assertEquals("i1-c1", decided.acceptedCandidateId());
        assertEquals("success", v.status());
        assertTrue(v.reason().startsWith("accepted: stage-2 gain +"), v.reason());
        assertTrue(v.gain().mean() > 0
                && v.gain().low() <= v.gain().mean()
                && v.gain().mean() <= v.gain().high());
        assertTrue(v.gain().items() >= 48, "no stop before min-items");
        assertEquals(24, v.screen().items());
        assertEquals(
                List.of("alpha", "beta", "gamma"),
                v.environments().stream().map(e -> e.envId()).toList());
        assertTrue(v.environments().get(0).gain().mean() > 0.2, "the edit helps alpha");
        java.util.Set<String> held = new java.util.HashSet<>();
        for (List<dev.ratchet.env.Instance> split :
                List.of(CampaignHarness.TRAIN, CampaignHarness.PROBE, CampaignHarness.CONFIRM)) {
            split.forEach(i -> held.add(i.id()));
        }
        v.flips().forEach(f -> assertFalse(held.contains(f.instanceId()), f.instanceId() + " is in a split"));
        assertEquals(
                v.flips().size(),
                v.flips().stream().map(f -> f.instanceId()).distinct().count());
    }

    @Test
    void aHarmfulCandidateIsNeverForwardedOrPromoted() {
        CampaignHarness h = CampaignHarness.of(
                "candidates: 1\n", FakeWorld.clean(id -> FakeWorld.add("harm-alpha", "the task is an alpha task")));
        GateDecided decided = h.runUntil(GateDecided.class);

        assertNull(decided.acceptedCandidateId());
        Verdict v = decided.verdicts().get(0);
        assertEquals("not-forwarded", v.status());
        assertTrue(v.reason().startsWith("screen: gain -"), v.reason());
        assertTrue(v.screen().mean() < 0);
    }

    /**
     * The baseline runs once per library version: a second decision on the same version pairs its
     * candidate with the first decision's baseline episodes on the same items; a promotion moves the
     * campaign to new items.
     */
    @Test
    void decisionsOnOneVersionShareItsBaselineAndAPromotionDrawsNewItems() {
        String harm = FakeWorld.add("harm-alpha", "the task is an alpha task");
        List<Event> discarded = CampaignHarness.of("candidates: 1\niterations: 2\n", FakeWorld.clean(id -> harm))
                .run();
        List<dev.ratchet.log.event.EpisodeScored> gate =
                CampaignHarness.ofType(discarded, dev.ratchet.log.event.EpisodeScored.class).stream()
                        .filter(e -> "gate".equals(e.split()))
                        .toList();
        java.util.function.BiFunction<Integer, String, List<String>> items = (iteration, phase) -> gate.stream()
                .filter(e -> e.iteration() == iteration && phase.equals(e.phase()))
                .map(dev.ratchet.log.event.EpisodeScored::instanceId)
                .toList();

        assertEquals(24, items.apply(1, "baseline").size());
        assertEquals(List.of(), items.apply(2, "baseline"), "the second decision reuses the baseline");
        assertEquals(items.apply(1, "candidate"), items.apply(2, "candidate"));
        assertEquals(2, CampaignHarness.ofType(discarded, GateDecided.class).size());

        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        List<Event> promoted = CampaignHarness.of(
                        "candidates: 1\niterations: 2\n",
                        FakeWorld.clean(id -> calls.getAndIncrement() == 0 ? HELP_ALPHA : HELP_BETA))
                .run();
        assertFalse(
                CampaignHarness.ofType(promoted, dev.ratchet.log.event.CandidatePromoted.class)
                        .isEmpty(),
                "iteration 1 promotes");
        List<dev.ratchet.log.event.EpisodeScored> afterPromotion =
                CampaignHarness.ofType(promoted, dev.ratchet.log.event.EpisodeScored.class).stream()
                        .filter(e -> "gate".equals(e.split()) && "baseline".equals(e.phase()))
                        .toList();
        java.util.Set<String> first = new java.util.HashSet<>();
        afterPromotion.stream().filter(e -> e.iteration() == 1).forEach(e -> first.add(e.instanceId()));
        List<String> second = afterPromotion.stream()
                .filter(e -> e.iteration() == 2)
                .map(dev.ratchet.log.event.EpisodeScored::instanceId)
                .toList();
        assertFalse(second.isEmpty(), "a new version runs its own baseline");
        second.forEach(id -> assertFalse(first.contains(id), id + " was an item of the previous version"));
    }

    /**
     * An edit rejected in iteration 1 and proposed again and promoted in iteration 2 makes a library
     * version that already exists: the promoted candidate is credited (its library is snapshotted
     * again, with its provenance) and the decision says the edit was proposed before.
     */
    @Test
    void aPromotedEditEqualToAnEarlierOneCreditsThePromotedCandidate() {
        // Iteration 1's episodes all run as if on the starting library, so its candidate shows no gain.
        FakeWorld world = new FakeWorld(
                (r, lib) -> FakeWorld.standardOutcome(r, r.iteration() == 1 ? CampaignHarness.START : lib, 0, 0),
                id -> HELP_ALPHA);
        CampaignHarness h = CampaignHarness.of("candidates: 1\niterations: 2\n", world);
        List<String> asks = new ArrayList<>();
        for (Action a = h.step(); !(a instanceof Action.Done); a = h.step()) {
            if (a instanceof Action.CallProposer c) {
                c.calls().forEach(call -> asks.add(call.request().messages().toString()));
            }
        }
        List<Event> events = h.events();

        List<GateDecided> decisions = CampaignHarness.ofType(events, GateDecided.class);
        assertNull(decisions.get(0).acceptedCandidateId(), "iteration 1 rejects the edit");
        assertEquals(2, asks.size());
        assertFalse(asks.get(0).contains("already rejected"));
        assertTrue(asks.get(1).contains("i1-c1: add-skill help-alpha (gate: screen: gain"), "told what was rejected");
        assertEquals("i2-c1", decisions.get(1).acceptedCandidateId());
        Verdict accepted = decisions.get(1).verdicts().get(0);
        assertTrue(
                accepted.reason()
                        .endsWith("; the same edit was proposed before (proposed: iteration 1, candidate i1-c1)"),
                accepted.reason());

        String version = accepted.libraryVersion();
        List<LibrarySnapshotted> snapshots = CampaignHarness.ofType(events, LibrarySnapshotted.class).stream()
                .filter(l -> l.version().equals(version))
                .toList();
        assertEquals(2, snapshots.size(), "snapshotted when proposed, and again when promoted");
        Function<LibrarySnapshotted, String> provenance = l -> l.skills().stream()
                .filter(k -> k.name().equals("help-alpha"))
                .findFirst()
                .orElseThrow()
                .provenance();
        assertEquals("proposed: iteration 1, candidate i1-c1", provenance.apply(snapshots.get(0)));
        assertEquals("proposed: iteration 2, candidate i2-c1", provenance.apply(snapshots.get(1)));
        Library current = LoopState.of(events).library(version).orElseThrow();
        assertEquals(
                "proposed: iteration 2, candidate i2-c1",
                current.skills().stream()
                        .filter(k -> k.name().equals("help-alpha"))
                        .findFirst()
                        .orElseThrow()
                        .provenance());
        assertEquals(
                "proposed: iteration 2, candidate i2-c1",
                provenance.apply(dev.ratchet.projection.LibraryVersions.of(events)
                        .version(version)
                        .orElseThrow()));
    }

    @Test
    void thePlaceboRidesAlongThroughTheGateAndIsNeverPromoted() {
        CampaignHarness h = CampaignHarness.of("candidates: 1\ngate: {placebo: true}\n", FakeWorld.standard(0.1, 0));
        GateDecided decided = h.runUntil(GateDecided.class);
        List<Event> events = h.events();

        Verdict placebo = decided.verdicts().stream()
                .filter(Verdict::placeboEdit)
                .findFirst()
                .orElseThrow();
        assertEquals("i1-placebo", placebo.candidateId());
        assertFalse(placebo.accepted());
        assertTrue(placebo.reason().startsWith("placebo, a null edit that is never promoted"), placebo.reason());
        assertNotEquals(placebo.candidateId(), decided.acceptedCandidateId());
        assertTrue(events.stream()
                .anyMatch(e -> e instanceof LibrarySnapshotted l && l.version().equals(placebo.libraryVersion())));
    }

    @Test
    void twoCampaignsFromOneConfigDecideAlikeAndTheSeedMatters() {
        List<Event> one = CampaignHarness.of("iterations: 2\n", FakeWorld.standard(0.05, 0.02))
                .run();
        List<Event> two = CampaignHarness.of("iterations: 2\n", FakeWorld.standard(0.05, 0.02))
                .run();
        List<Event> other = CampaignHarness.of("iterations: 2\nseed: 2\n", FakeWorld.standard(0.05, 0.02))
                .run();

        assertEquals(CampaignHarness.encoded(one), CampaignHarness.encoded(two));
        assertNotEquals(
                CampaignHarness.ofType(one, IterationStarted.class).get(0).batch(),
                CampaignHarness.ofType(other, IterationStarted.class).get(0).batch());
    }

    @Test
    void overlappingSplitsAreRefused() {
        String message = assertThrows(
                        IllegalArgumentException.class,
                        () -> new Decider(
                                CampaignHarness.config(""),
                                CampaignHarness.TRAIN,
                                CampaignHarness.TRAIN.subList(0, 5),
                                CampaignHarness.CONFIRM,
                                CampaignHarness.START))
                .getMessage();

        assertTrue(message.contains("alpha@1000/d1 (train and probe)"), message);
    }
}
