package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.config.CampaignConfig.EnvironmentShare;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.model.simulated.Effect;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a gate's decision on edits whose true effects the simulator knows, what the ground truth says. */
class GroundTruthTest {

    private static final List<EnvironmentShare> SHARES =
            List.of(new EnvironmentShare("units.roman", 1.0), new EnvironmentShare("arith.add", 3.0));
    private static final SimulatedWorld WORLD = new SimulatedWorld(
            17,
            EnvironmentCatalog.builtIn()::resolve,
            SimulatedWorld.Settings.defaults()
                    .withEnvIds(SHARES.stream().map(EnvironmentShare::id).toList()));
    private static final Library START = LiveCampaign.startingLibrary();
    private static final Library HARMFUL = withSkill(skill(Effect.Kind.HARMFUL));
    private static final Library HELPFUL = withSkill(skill(Effect.Kind.HELPFUL));

    @Test
    void aPromotedHarmfulEditIsCountedAndTheFinalLibraryIsTrulyWorse() {
        GroundTruth truth = GroundTruth.of(decided("i1-c1"), WORLD, SHARES);

        assertEquals(1, truth.harmfulPromotions());
        assertTrue(truth.finalAccuracy() < truth.startAccuracy());
        assertFalse(truth.improved());
        assertEquals(1, truth.helpfulRejected(), "the helpful candidate lost");
        assertEquals(0, truth.helpfulMissed(), "but the iteration did promote something");
    }

    @Test
    void aHelpfulCandidateRejectedInAnIterationThatPromotedNothingWasMissed() {
        GroundTruth truth = GroundTruth.of(decided(null), WORLD, SHARES);

        assertEquals(0, truth.promotions().size());
        assertEquals(truth.startAccuracy(), truth.finalAccuracy());
        assertEquals(1, truth.helpfulCandidates());
        assertEquals(1, truth.helpfulMissed());
    }

    @Test
    void aPromotedHelpfulEditImprovesTheFinalLibrary() {
        GroundTruth truth = GroundTruth.of(decided("i1-c2"), WORLD, SHARES);

        assertTrue(truth.improved());
        assertEquals(0, truth.harmfulPromotions());
        double gain = truth.promotions().get(0).trueEffect();
        assertEquals(truth.finalAccuracy() - truth.startAccuracy(), gain, 1e-12);
    }

    /** One iteration whose gate judged the harmful candidate i1-c1 and the helpful i1-c2. */
    private static List<Event> decided(String accepted) {
        List<Event> events = new ArrayList<>(List.of(
                LibrarySnapshots.snapshot(START, null),
                new IterationStarted(1, START.version(), List.of()),
                LibrarySnapshots.snapshot(HARMFUL, START.version()),
                LibrarySnapshots.snapshot(HELPFUL, START.version()),
                new GateDecided(1, accepted, List.of(verdict("i1-c1", accepted), verdict("i1-c2", accepted)))));
        if (accepted != null) {
            Library to = accepted.equals("i1-c1") ? HARMFUL : HELPFUL;
            events.add(new CandidatePromoted(1, accepted, START.version(), to.version()));
        }
        return events;
    }

    private static GateDecided.Verdict verdict(String id, String accepted) {
        boolean yes = id.equals(accepted);
        return new GateDecided.Verdict(
                id,
                2,
                0,
                0,
                0,
                2,
                0,
                0,
                null,
                yes,
                yes ? "accepted" : "rejected",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                (id.equals("i1-c1") ? HARMFUL : HELPFUL).version());
    }

    /** The simulator's first candidate skill for units.roman of the given true kind. */
    private static Skill skill(Effect.Kind kind) {
        return WORLD.candidateSkills().stream()
                .filter(s -> s.name().startsWith("units-roman-"))
                .filter(s -> WORLD.trueEffect(s).kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static Library withSkill(Skill skill) {
        List<Skill> skills = new ArrayList<>(START.skills());
        skills.add(skill);
        return new Library(START.sections(), skills);
    }
}
