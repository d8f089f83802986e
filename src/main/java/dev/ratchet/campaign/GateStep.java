package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfigParts;
import dev.ratchet.gate.EnvironmentGuard;
import dev.ratchet.gate.SequentialTest;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.Event;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.PromptSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The held-out gate of an iteration, in two stages on fresh items (see {@link GateItems}).
 *
 * <p>Stage 1 (screen) runs the baseline and every candidate that passed the static gate on the
 * same items and forwards at most {@code finalists} candidates whose paired gain is above zero.
 * Stage 2 runs the baseline and the finalists on new items, a chunk at a time, each finalist under
 * its own {@link SequentialTest} at {@code alpha / finalists} (Bonferroni), until every finalist
 * has succeeded, been shown futile or reached the cap. Everything is recomputed from the recorded
 * episodes on every call, so an interrupted gate resumes where its log ends.
 */
final class GateStep {

    static final String SCREEN = "screen";
    static final String BASELINE = "baseline";
    static final String PLACEBO_TAG = "placebo";

    private final CampaignConfigParts.Gate config;
    private final GateItems items;
    private final EnvironmentGuard guard;

    GateStep(CampaignConfigParts.Gate config, GateItems items) {
        this.config = config;
        this.items = items;
        this.guard = new EnvironmentGuard(config.guardAlpha(), config.regressionMargin() / 100);
    }

    /** A candidate (or the placebo) that goes through the gate: its id, episode-id tag and library version. */
    record Candidate(String candidateId, String tag, String version, boolean placebo) {}

    /** The next thing the gate needs: a placebo snapshot, episodes, or its decision. */
    Action next(LoopState state) {
        IterationState it = state.current();
        Optional<Library> placebo = placeboLibrary(state);
        if (placebo.isPresent() && state.library(placebo.get().version()).isEmpty()) {
            return new Action.Emit(List.of(LibrarySnapshots.snapshot(placebo.get(), it.libraryVersion())));
        }
        List<Candidate> candidates = candidates(state);
        List<GateItems.Item> screenItems = items.draw(it.libraryVersion(), SCREEN, 0, config.screenItems());
        List<EpisodeRequest> missing = missing(it, screenItems, candidates);
        if (!missing.isEmpty()) {
            return new Action.RunEpisodes(missing);
        }
        GateEvidence evidence = new GateEvidence(it, config.samplesPerItem());
        List<Screened> screened = new ArrayList<>();
        for (Candidate c : candidates) {
            screened.add(new Screened(c, evidence.paired(screenItems, c.tag())));
        }
        List<Candidate> finalists = finalists(screened);
        int forwarded =
                (int) Math.max(1, finalists.stream().filter(c -> !c.placebo()).count());
        SequentialTest test = test(forwarded);
        List<Confirmed> confirmed = new ArrayList<>();
        finalists.forEach(f -> confirmed.add(new Confirmed(f)));
        for (int chunk = 0; ; chunk++) {
            List<Confirmed> active =
                    confirmed.stream().filter(c -> !c.stopped()).toList();
            if (active.isEmpty()) {
                break;
            }
            // The last chunk is cut to the cap, so no test runs past max-items.
            int size = Math.max(1, Math.min(config.chunkItems(), config.maxItems() - chunk * config.chunkItems()));
            List<GateItems.Item> chunkItems = items.draw(it.libraryVersion(), "confirm-" + chunk, 0, size);
            missing = missing(
                    it, chunkItems, active.stream().map(Confirmed::candidate).toList());
            if (!missing.isEmpty()) {
                return new Action.RunEpisodes(missing);
            }
            for (Confirmed c : active) {
                c.add(evidence.paired(chunkItems, c.candidate().tag()), test, items.environments());
            }
        }
        List<Event> decided = new GateVerdicts(config, guard, forwarded, cid -> proposedBefore(state, cid))
                .decide(it, screened, confirmed);
        return new Action.Emit(creditingThePromoted(state, decided));
    }

    /**
     * A library version is its content without provenance, so an edit equal to one proposed in an
     * earlier iteration makes a version already snapshotted, under the earlier candidate's
     * provenance. When such a candidate is promoted, its library is snapshotted again before the
     * decision, so the library, diff, apply and the report credit the candidate that was promoted.
     */
    private static List<Event> creditingThePromoted(LoopState state, List<Event> decided) {
        Optional<CandidatePromoted> promoted = decided.stream()
                .filter(CandidatePromoted.class::isInstance)
                .map(CandidatePromoted.class::cast)
                .findFirst();
        if (promoted.isEmpty()) {
            return decided;
        }
        Library library = candidateLibrary(state, promoted.get().candidateId());
        if (library.equals(state.library(library.version()).orElse(null))) {
            return decided;
        }
        List<Event> out = new ArrayList<>();
        out.add(LibrarySnapshots.snapshot(library, state.current().libraryVersion()));
        out.addAll(decided);
        return out;
    }

    /** The earlier provenance of a skill the candidate's edit writes, when an earlier iteration proposed it. */
    private static Optional<String> proposedBefore(LoopState state, String candidateId) {
        Library library = candidateLibrary(state, candidateId);
        Optional<Library> stored = state.library(library.version());
        if (stored.isEmpty() || stored.get().equals(library)) {
            return Optional.empty();
        }
        Set<String> ours = new HashSet<>();
        library.skills().forEach(k -> ours.add(k.name() + "\u0000" + k.provenance()));
        return stored.get().skills().stream()
                .filter(k -> !ours.contains(k.name() + "\u0000" + k.provenance()))
                .map(dev.ratchet.skill.Skill::provenance)
                .findFirst();
    }

    private static Library candidateLibrary(LoopState state, String candidateId) {
        IterationState it = state.current();
        Library current = state.library(it.libraryVersion()).orElseThrow();
        return ProposalStep.candidateLibrary(current, it.proposal(candidateId).orElseThrow());
    }

    /** The candidates that passed the static gate, then the placebo when configured. */
    List<Candidate> candidates(LoopState state) {
        IterationState it = state.current();
        Library current = state.library(it.libraryVersion()).orElseThrow();
        List<Candidate> out = new ArrayList<>();
        for (String cid : it.staticallyPassed()) {
            CandidateProposed p = it.proposal(cid).orElseThrow();
            out.add(new Candidate(
                    cid,
                    candidateTag(cid),
                    ProposalStep.candidateLibrary(current, p).version(),
                    false));
        }
        placeboLibrary(state)
                .ifPresent(lib -> out.add(new Candidate(placeboId(it.number()), PLACEBO_TAG, lib.version(), true)));
        return out;
    }

    /** The episode-id tag of an arm on an item: {@code cand-2@screen.17}, {@code baseline@confirm-0.5}. */
    static String tag(String arm, GateItems.Item item) {
        return arm + "@" + item.place();
    }

    /** {@code cand-2} for candidate {@code i3-c2}. */
    static String candidateTag(String candidateId) {
        return "cand-" + candidateId.substring(candidateId.lastIndexOf("-c") + 2);
    }

    static String placeboId(int iteration) {
        return "i" + iteration + "-placebo";
    }

    /**
     * The current library with its last prompt section ending in one more newline: a different
     * version (so it runs as its own episodes) with no change of meaning. None without sections.
     */
    private Optional<Library> placeboLibrary(LoopState state) {
        if (!config.placebo()) {
            return Optional.empty();
        }
        Library current = state.library(state.current().libraryVersion()).orElseThrow();
        if (current.sections().isEmpty()) {
            return Optional.empty();
        }
        List<PromptSection> sections = new ArrayList<>(current.sections());
        PromptSection last = sections.remove(sections.size() - 1);
        sections.add(new PromptSection(last.name(), last.text() + "\n"));
        return Optional.of(new Library(sections, current.skills()));
    }

    /**
     * Each finalist's test at {@code alpha / forwarded} (Bonferroni). Stage 2 draws items that stage 1
     * never saw, so given stage 1's choice the finalists' tests are ordinary tests and the split over
     * the candidates actually forwarded keeps the family's error rate at alpha.
     */
    private SequentialTest test(int forwarded) {
        return new SequentialTest(
                config.alpha() / forwarded,
                config.futilityBeta(),
                config.minEffect() / 100,
                config.minItems(),
                config.minEnvItems(),
                config.maxItems());
    }

    /**
     * The best real candidate with a positive screening gain, then up to {@code finalists - 1} more
     * whose gain is statistically tied with the best's (within one standard error of the
     * difference), so a second finalist is paid for only when stage 1 cannot tell them apart; the
     * placebo on its own merit.
     */
    private List<Candidate> finalists(List<Screened> screened) {
        List<Screened> positive = screened.stream()
                .filter(s -> s.paired().gain().mean() > 0)
                .sorted(Comparator.comparingDouble(
                                (Screened s) -> -s.paired().gain().mean())
                        .thenComparing(s -> s.candidate().candidateId()))
                .toList();
        List<Candidate> out = new ArrayList<>();
        List<Screened> real =
                positive.stream().filter(s -> !s.candidate().placebo()).toList();
        for (Screened s : real) {
            if (out.isEmpty() || (out.size() < config.finalists() && tied(real.get(0), s))) {
                out.add(s.candidate());
            }
        }
        positive.stream().filter(s -> s.candidate().placebo()).forEach(s -> out.add(s.candidate()));
        return out;
    }

    private static boolean tied(Screened best, Screened other) {
        double se = Math.sqrt(best.paired().variance() / best.paired().items().size()
                + other.paired().variance() / other.paired().items().size());
        return best.paired().gain().mean() - other.paired().gain().mean() < se;
    }

    private List<EpisodeRequest> missing(
            IterationState it, List<GateItems.Item> stageItems, List<Candidate> candidates) {
        List<EpisodeRequest> out = new ArrayList<>();
        addMissing(it, stageItems, BASELINE, BASELINE, it.libraryVersion(), out);
        for (Candidate c : candidates) {
            addMissing(it, stageItems, c.tag(), "candidate", c.version(), out);
        }
        return out;
    }

    private void addMissing(
            IterationState it,
            List<GateItems.Item> stageItems,
            String arm,
            String phase,
            String version,
            List<EpisodeRequest> out) {
        for (GateItems.Item item : stageItems) {
            for (int s = 0; s < config.samplesPerItem(); s++) {
                if (it.gateEpisode(tag(arm, item), item.instance().id(), s).isEmpty()) {
                    out.add(EpisodeRequest.of(it.number(), tag(arm, item), phase, "gate", item.instance(), version, s));
                }
            }
        }
    }

    /** A candidate's stage-1 evidence. */
    record Screened(Candidate candidate, GateEvidence.Paired paired) {}

    /** A finalist's stage-2 evidence so far and its test's state. */
    static final class Confirmed {
        private final Candidate candidate;
        private GateEvidence.Paired paired = GateEvidence.Paired.EMPTY;
        private SequentialTest.Result result;

        Confirmed(Candidate candidate) {
            this.candidate = candidate;
        }

        void add(GateEvidence.Paired more, SequentialTest test, int environments) {
            paired = paired.plus(more);
            result = test.run(paired.differences(), paired.smallestEnvironment(environments));
        }

        boolean stopped() {
            return result != null && result.status() != SequentialTest.Status.CONTINUE;
        }

        Candidate candidate() {
            return candidate;
        }

        GateEvidence.Paired paired() {
            return paired;
        }

        SequentialTest.Result result() {
            return result;
        }
    }
}
