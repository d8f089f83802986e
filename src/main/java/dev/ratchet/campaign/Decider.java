package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.gate.Seeds;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.propose.FailureClusters;
import dev.ratchet.propose.FailureDetectors;
import dev.ratchet.propose.StaticGate;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The campaign's decisions as a pure function of its log: {@code next(state)} returns the one
 * action that comes next. The inputs are fixed at construction (config, splits, starting library)
 * and decisions depend only on them and on the events, never on the campaign id or the time; the
 * only outside input is the elapsed wall time, for the wall-time budget.
 *
 * <p>An iteration: run the batch, classify failures, call the proposer once per top cluster
 * (retrying a malformed answer once), check each proposal statically, run the two-stage held-out
 * gate on fresh items ({@link GateStep}), decide, and after a promotion evaluate the new version
 * once on the confirm split. Iteration 0 is that
 * confirm evaluation of the starting library.
 */
public final class Decider {

    private static final Action DONE = new Action.Done();

    private final CampaignConfig config;
    private final SplitIndex splits;
    private final Library start;
    private final ProposalStep proposals;
    private final GateStep gate;
    private final StopRule stops;

    /**
     * @throws IllegalArgumentException if the splits overlap or one is empty
     */
    public Decider(
            CampaignConfig config, List<Instance> train, List<Instance> probe, List<Instance> confirm, Library start) {
        this(config, train, probe, confirm, start, EnvironmentCatalog.builtIn()::resolve);
    }

    /**
     * @param environments resolves the environment ids the gate draws fresh instances from
     * @throws IllegalArgumentException if the splits overlap or one is empty
     */
    public Decider(
            CampaignConfig config,
            List<Instance> train,
            List<Instance> probe,
            List<Instance> confirm,
            Library start,
            Function<String, Environment> environments) {
        this.config = Objects.requireNonNull(config, "config");
        this.splits = SplitIndex.of(train, probe, confirm);
        this.start = Objects.requireNonNull(start, "start");
        StaticGate staticGate = new StaticGate(new StaticGate.Limits(
                config.library().maxSkills(),
                config.library().maxSkillChars(),
                config.library().maxSectionChars()));
        this.proposals = new ProposalStep(config.candidates(), config.library().maxSkillChars(), splits, staticGate);
        this.gate = new GateStep(
                config.gate(), new GateItems(config.seed(), CampaignSetup.weightedIds(config), environments, splits));
        this.stops = new StopRule(config);
    }

    static String batchEpisodeId(int iteration, String instanceId) {
        return "i" + iteration + "/batch/" + instanceId + "/s0";
    }

    /** The next action, with no wall-time budget check. */
    public Action next(LoopState state) {
        return next(state, null);
    }

    /** The next action; {@code elapsed} is the campaign's wall time so far (null: not measured). */
    public Action next(LoopState state, Duration elapsed) {
        if (state.isStopped()) {
            return DONE;
        }
        if (state.startVersion() == null) {
            return emit(LibrarySnapshots.snapshot(start, null));
        }
        IterationState it = state.current();
        if (it.finished()) {
            Optional<CampaignStopped> stop = stops.betweenIterations(state, elapsed);
            if (stop.isPresent()) {
                return emit(stop.get());
            }
            int n = it.number() + 1;
            return emit(new IterationStarted(n, state.currentVersion(), batch(n)));
        }
        Action step = it.number() == 0 ? confirm(it, state.startVersion()) : iterationStep(state, it);
        if (step instanceof Action.RunEpisodes || step instanceof Action.CallProposer) {
            Optional<CampaignStopped> spent = stops.budget(state, elapsed);
            if (spent.isPresent()) {
                return emit(spent.get());
            }
        }
        return step;
    }

    private Action iterationStep(LoopState state, IterationState it) {
        List<EpisodeRequest> batch = missingBatch(it);
        if (!batch.isEmpty()) {
            return new Action.RunEpisodes(batch);
        }
        if (it.failures().isEmpty()) {
            return classify(it);
        }
        if (!it.proposalsResolved()) {
            return proposals.next(state);
        }
        if (it.gate() == null) {
            return gate.next(state);
        }
        if (it.promoted() != null && it.confirm() == null) {
            return confirm(it, it.promoted().toVersion());
        }
        throw new IllegalStateException("iteration " + it.number() + " is open but has nothing left to do");
    }

    /** The batch of iteration {@code n}: training instances in an order seeded by (seed, n). */
    private List<String> batch(int n) {
        record Keyed(long key, String id) {}
        List<Keyed> keyed = new ArrayList<>();
        for (Instance i : splits.train()) {
            keyed.add(new Keyed(Seeds.derive(config.seed(), "batch", Integer.toString(n), i.id()), i.id()));
        }
        keyed.sort(Comparator.comparingLong(Keyed::key).thenComparing(Keyed::id));
        return keyed.subList(0, Math.min(config.batchSize(), keyed.size())).stream()
                .map(Keyed::id)
                .toList();
    }

    private List<EpisodeRequest> missingBatch(IterationState it) {
        List<EpisodeRequest> out = new ArrayList<>();
        for (String id : it.batch()) {
            if (it.episode(batchEpisodeId(it.number(), id)).isEmpty()) {
                out.add(EpisodeRequest.of(
                        it.number(), "batch", "batch", "train", splits.instance(id), it.libraryVersion(), 0));
            }
        }
        return out;
    }

    /** One classification per failing batch episode; an iteration with nothing to propose ends here. */
    private Action classify(IterationState it) {
        List<Event> events = new ArrayList<>();
        for (String id : it.batch()) {
            EpisodeScored e = it.episode(batchEpisodeId(it.number(), id)).orElseThrow();
            FailureDetectors.classify(e).ifPresent(events::add);
        }
        List<FailureClassified> failures =
                events.stream().map(FailureClassified.class::cast).toList();
        if (failures.isEmpty()) {
            events.add(new CandidateDiscarded(it.number(), null, "every batch episode passed: nothing to learn from"));
        } else if (FailureClusters.rank(failures).isEmpty()) {
            events.add(new CandidateDiscarded(
                    it.number(), null, "every batch failure was infrastructure: nothing the agent can fix"));
        }
        return new Action.Emit(events);
    }

    /** The confirm split under {@code version}: reported, never gating. */
    private Action confirm(IterationState it, String version) {
        List<EpisodeRequest> missing = new ArrayList<>();
        int passed = 0;
        int total = 0;
        for (Instance i : splits.confirm()) {
            EpisodeRequest r = EpisodeRequest.of(it.number(), "confirm", "confirm", "confirm", i, version, 0);
            Optional<EpisodeScored> e = it.episode(r.episodeId());
            if (e.isEmpty()) {
                missing.add(r);
            } else if (!"infra".equals(e.get().outcome())) {
                total++;
                passed += e.get().passed() ? 1 : 0;
            }
        }
        if (!missing.isEmpty()) {
            return new Action.RunEpisodes(missing);
        }
        return emit(new ConfirmScored(it.number(), version, passed, total));
    }

    private static Action emit(Event event) {
        return new Action.Emit(List.of(event));
    }
}
