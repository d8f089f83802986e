package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig.EnvironmentShare;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.skill.Library;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * What the simulator knows about a finished campaign and the gate never sees: the true accuracy of
 * the starting and the final library, and the true effect of every candidate that reached the
 * held-out gate. For benchmarks and tests of the gate's honesty; nothing here feeds a decision.
 *
 * <p>True accuracy is the mean of {@link SimulatedWorld#trueAccuracy} over the campaign's
 * environments, weighted by their shares (the mix the splits are drawn from). A candidate's true
 * effect is the change of that figure from the library it was proposed against to the library it
 * proposes: below zero the edit is truly harmful overall, above zero truly helpful.
 */
public record GroundTruth(double startAccuracy, double finalAccuracy, List<Judged> candidates) {

    /** Accuracy differences below this are rounding, not an effect: a neutral edit changes nothing. */
    static final double EPSILON = 1e-9;

    public GroundTruth {
        candidates = List.copyOf(candidates);
    }

    /**
     * One candidate the held-out gate judged. {@code nothingPromoted}: the gate accepted no candidate
     * in that iteration, so a helpful candidate there was missed outright rather than outranked.
     */
    public record Judged(
            int iteration,
            String candidateId,
            double trueEffect,
            boolean promoted,
            boolean nothingPromoted,
            double worstEnvironmentEffect,
            Double reportedGain,
            boolean placebo,
            boolean passedGate) {
        public Judged {
            Objects.requireNonNull(candidateId, "candidateId");
        }

        public boolean harmful() {
            return trueEffect < -EPSILON;
        }

        public boolean helpful() {
            return trueEffect > EPSILON;
        }

        /** Whether some environment truly loses at least {@code points} percentage points. */
        public boolean regresses(double points) {
            return worstEnvironmentEffect <= -points / 100 + EPSILON;
        }
    }

    /** Judges the campaign recorded in {@code events} against the simulator behind its models. */
    public static GroundTruth of(List<Event> events, SimulatedWorld world, List<EnvironmentShare> shares) {
        LoopState state = LoopState.of(events);
        Map<String, Double> accuracy = new HashMap<>();
        ToDoubleFunction<String> truth = version -> accuracy.computeIfAbsent(
                version, v -> accuracy(world, state.library(v).orElseThrow(() -> missing(v)), shares));
        Map<Integer, String> parents = new HashMap<>();
        Set<String> promoted = new HashSet<>();
        List<GateDecided> decisions = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof IterationStarted i) {
                parents.put(i.iteration(), i.libraryVersion());
            } else if (e instanceof CandidatePromoted p) {
                promoted.add(p.candidateId());
            } else if (e instanceof GateDecided g) {
                decisions.add(g);
            }
        }
        List<Judged> judged = new ArrayList<>();
        for (GateDecided g : decisions) {
            String parentVersion = parents.get(g.iteration());
            double parent = truth.applyAsDouble(parentVersion);
            for (GateDecided.Verdict v : g.verdicts()) {
                String version = v.libraryVersion();
                double effect = truth.applyAsDouble(version) - parent;
                double worst = Double.POSITIVE_INFINITY;
                for (EnvironmentShare share : shares) {
                    Library before = state.library(parentVersion).orElseThrow(() -> missing(parentVersion));
                    Library after = state.library(version).orElseThrow(() -> missing(version));
                    worst = Math.min(
                            worst, world.trueAccuracy(after, share.id()) - world.trueAccuracy(before, share.id()));
                }
                boolean passed = v.accepted() || v.reason().contains("would have passed");
                judged.add(new Judged(
                        g.iteration(),
                        v.candidateId(),
                        effect,
                        promoted.contains(v.candidateId()),
                        g.acceptedCandidateId() == null,
                        worst,
                        v.gain() == null ? null : v.gain().mean(),
                        v.placeboEdit(),
                        passed));
            }
        }
        return new GroundTruth(
                truth.applyAsDouble(state.startVersion()), truth.applyAsDouble(state.currentVersion()), judged);
    }

    /** The share-weighted mean true accuracy of {@code library} over the campaign's environments. */
    public static double accuracy(SimulatedWorld world, Library library, List<EnvironmentShare> shares) {
        double sum = 0;
        double weights = 0;
        for (EnvironmentShare share : shares) {
            sum += share.weight() * world.trueAccuracy(library, share.id());
            weights += share.weight();
        }
        if (weights == 0) {
            throw new IllegalArgumentException("the campaign names no built-in environment to measure");
        }
        return sum / weights;
    }

    public boolean improved() {
        return finalAccuracy - startAccuracy > EPSILON;
    }

    /** Real candidates only (the placebo is measured, never a candidate). */
    public List<Judged> real() {
        return candidates.stream().filter(c -> !c.placebo()).toList();
    }

    public List<Judged> promotions() {
        return candidates.stream().filter(Judged::promoted).toList();
    }

    public long harmfulPromotions() {
        return real().stream().filter(c -> c.promoted() && c.harmful()).count();
    }

    public long helpfulCandidates() {
        return real().stream().filter(Judged::helpful).count();
    }

    /** Truly helpful candidates the gate did not promote. */
    public long helpfulRejected() {
        return real().stream().filter(c -> c.helpful() && !c.promoted()).count();
    }

    /** Truly helpful candidates rejected in an iteration that promoted nothing. */
    public long helpfulMissed() {
        return real().stream()
                .filter(c -> c.helpful() && !c.promoted() && c.nothingPromoted())
                .count();
    }

    private static IllegalStateException missing(String version) {
        return new IllegalStateException("library version " + version + " is not in the log");
    }
}
