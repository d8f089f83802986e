package dev.ratchet.campaign;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.agent.Budget;
import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeResult;
import dev.ratchet.agent.EpisodeSpec;
import dev.ratchet.agent.Spend;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.InterruptedCalls;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelClient;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.model.NoAnswerException;
import dev.ratchet.skill.Library;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The thin shell around the pure {@link Decider}: fold the log, ask for the next action, perform
 * its I/O (episodes, proposer calls), append the results, repeat. Because every action is derived
 * from the folded log, a campaign killed at any point resumes by running this again: nothing
 * recorded is repeated, and the decisions come out the same.
 */
public final class CampaignRunner {

    /** Wall time as an input: live campaigns measure it, replay re-applies a recorded stop. */
    @FunctionalInterface
    public interface WallTime {
        /** Elapsed campaign time when the next event would get {@code nextSeq}; null if unmeasured. */
        Duration elapsed(long nextSeq);
    }

    private final Decider decider;
    private final EventLog log;
    private final String stream;
    private final Function<String, Environment> environments;
    private final EpisodePool episodes;
    private final ModelClient proposer;
    private final WallTime wallTime;
    private final Listener listener;
    private final Budget budget;
    private final Inputs inputs;
    /** Whether any agent call in the log has been answered; folded with the log. */
    private boolean agentAnswered;
    /** Episodes in the log, for the message when none was ever answered. */
    private long episodesRun;

    /**
     * Watches the shell at work, for progress displays: every appended event, and the episodes about
     * to run (so a display knows a phase's total). It is told, never asked: nothing it does decides.
     */
    @FunctionalInterface
    public interface Listener {
        void accept(Event event);

        default void episodesPlanned(List<EpisodeRequest> requests) {}
    }

    /**
     * A person's input recorded between the campaign's own steps (a rollback, the start of an audit),
     * which replay copies from the recording where it sits: the events it copied into the log, for the
     * runner to fold before it decides. A live run has none.
     */
    @FunctionalInterface
    public interface Inputs {
        List<RecordedEvent> copy();
    }

    public CampaignRunner(
            Decider decider,
            EventLog log,
            String stream,
            Function<String, Environment> environments,
            EpisodePool episodes,
            ModelClient proposer,
            WallTime wallTime,
            Listener listener,
            Budget budget) {
        this(decider, log, stream, environments, episodes, proposer, wallTime, listener, budget, List::of);
    }

    /** As above, folding {@code inputs} before every decision (replay). */
    public CampaignRunner(
            Decider decider,
            EventLog log,
            String stream,
            Function<String, Environment> environments,
            EpisodePool episodes,
            ModelClient proposer,
            WallTime wallTime,
            Listener listener,
            Budget budget,
            Inputs inputs) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.log = Objects.requireNonNull(log, "log");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.environments = Objects.requireNonNull(environments, "environments");
        this.episodes = Objects.requireNonNull(episodes, "episodes");
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** Runs until the decider says the campaign is done; returns the stop event. */
    public CampaignStopped run() {
        LoopState state = fold();
        while (true) {
            for (RecordedEvent input : inputs.copy()) {
                state = state.evolve(input.event());
                observe(input.event());
            }
            long nextSeq = log.head().map(h -> h.seq() + 1).orElse(1L);
            Action action = decider.next(state, wallTime.elapsed(nextSeq));
            if (action instanceof Action.Emit emit) {
                state = append(state, emit.events().stream().map(NewEvent::of).toList());
            } else if (action instanceof Action.RunEpisodes run) {
                state = runAffordable(state, run.requests());
            } else if (action instanceof Action.CallProposer call) {
                state = callAffordable(state, call.calls());
            } else if (action instanceof Action.Done) {
                return state.progress().stopped();
            } else {
                throw new IllegalStateException("unknown action " + action);
            }
        }
    }

    /**
     * Runs the open audit to its end ({@link AuditStep}) and returns the state after it. Audits run
     * after a campaign stopped, so the campaign's budgets do not cut them; every episode and call is
     * recorded and counted in its spend like any other.
     */
    LoopState audit(AuditStep step) {
        LoopState state = fold();
        while (true) {
            Action action = step.next(state);
            if (action instanceof Action.Emit emit) {
                state = append(state, emit.events().stream().map(NewEvent::of).toList());
            } else if (action instanceof Action.RunEpisodes run) {
                listener.episodesPlanned(run.requests());
                state = runEpisodes(state, run.requests(), Long.MAX_VALUE);
            } else if (action instanceof Action.Done) {
                return state;
            } else {
                throw new IllegalStateException("an audit asked for " + action);
            }
        }
    }

    /** Appends events that are a person's input (a rollback, the start of an audit) and folds them. */
    LoopState input(Event event) {
        return append(fold(), List.of(NewEvent.of(event)));
    }

    private LoopState fold() {
        LoopState state = LoopState.initial();
        try (Stream<RecordedEvent> events = log.read(EventQuery.all().stream(stream))) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                state = state.evolve(e.event());
                observe(e.event());
            }
        }
        return state;
    }

    private LoopState append(LoopState state, List<NewEvent> events) {
        List<RecordedEvent> written = log.append(stream, log.streamVersion(stream), events);
        LoopState next = state;
        for (RecordedEvent r : written) {
            Event e = r.event();
            next = next.evolve(e);
            observe(e);
            listener.accept(e);
        }
        return next;
    }

    private void observe(Event e) {
        agentAnswered |= NoAnswer.answered(e);
        episodesRun += e instanceof EpisodeScored ? 1 : 0;
    }

    /**
     * The decider checks budgets before a whole round of episodes; this starts only as many of them
     * as the call budget pays for even if each made its most calls, so calls started after it would
     * be exceeded never reach the provider. The decider asks again for the rest;
     * once not one more fits, the campaign stops, saying how far under the budget it ended. The cut
     * depends only on the log, so a resume and a replay cut alike. An episode's most calls depend on
     * its environment alone, so the cut is made before any spec is.
     */
    private LoopState runAffordable(LoopState state, List<EpisodeRequest> requests) {
        long room = budget.maxCalls() - state.spend().calls();
        int n = 0;
        long worst = 0;
        while (n < requests.size() && worst + maxCalls(requests.get(n)) <= room) {
            worst += maxCalls(requests.get(n));
            n++;
        }
        if (n == 0) {
            return stopOnCalls(state, maxCalls(requests.get(0)));
        }
        listener.episodesPlanned(requests);
        return runEpisodes(state, requests.subList(0, n), room - worst);
    }

    private int maxCalls(EpisodeRequest request) {
        return episodes.maxCalls(environments.apply(request.envId()));
    }

    private LoopState callAffordable(LoopState state, List<ProposerCall> calls) {
        long room = budget.maxCalls() - state.spend().calls();
        int n = (int) Math.min(calls.size(), Math.max(0, room));
        return n == 0 ? stopOnCalls(state, 1) : callProposer(state, calls.subList(0, n));
    }

    private LoopState stopOnCalls(LoopState state, int next) {
        Spend spent = StopRule.spend(state);
        String detail = budget.describe(Budget.CALLS, spent, Duration.ZERO) + "; the next step could make " + next
                + (next == 1 ? " call" : " calls");
        return append(
                state,
                List.of(NewEvent.of(new CampaignStopped(
                        Budget.CALLS, detail, state.current().number()))));
    }

    private LoopState runEpisodes(LoopState state, List<EpisodeRequest> requests, long room) {
        // Specs are made lazily on the pool's feeder thread, so only the episodes in its window exist
        // at once; the state they read is the immutable one from before this action.
        Iterator<EpisodeSpec> specs = requests.stream().map(r -> spec(state, r)).iterator();
        LoopState[] current = {state};
        // The first result in request order, for the message if the agent never answered.
        EpisodeResult[] first = {null};
        List<EpisodePool.Leftover> leftovers = new ArrayList<>();
        InfraReruns reruns = new InfraReruns(requests, r -> episodes.runOne(spec(state, r)), this::maxCalls, room);
        try {
            // Batches arrive in request order whatever the completion order, so the log does not
            // depend on thread timing; a batch (each episode's calls, then its score, episode after
            // episode) is one transaction, and nothing is decided before the last one has committed.
            episodes.runBatches(
                    specs,
                    batch -> {
                        InfraReruns.Settled settled =
                                reruns.settle(batch, calls -> current[0] = recordInterrupted(current[0], calls));
                        List<NewEvent> events = new ArrayList<>();
                        settled.results().forEach(result -> events.addAll(result.keyedEvents()));
                        current[0] = append(current[0], events);
                        first[0] = first[0] == null ? batch.get(0) : first[0];
                        if (settled.stop() != null) {
                            current[0] = recordInterrupted(current[0], settled.rest());
                            // A model that never answered at all is a different message: say that.
                            throw agentAnswered
                                    ? settled.stop()
                                    : new NoAnswerException(
                                            NoAnswer.message(List.of(settled.failed()), episodesRun + 1));
                        }
                        return true;
                    },
                    leftovers::add);
        } catch (ModelStopException e) {
            List<ModelCallRecorded> cut = new ArrayList<>(e.record().stream().toList());
            for (EpisodePool.Leftover left : leftovers) {
                if (left.result() != null) {
                    cut.addAll(left.result().calls());
                } else if (left.thrown() instanceof ModelStopException stop) {
                    stop.record().ifPresent(cut::add);
                }
            }
            recordInterrupted(current[0], cut);
            throw e;
        }
        if (!agentAnswered && first[0] != null) {
            // A campaign of nothing but infrastructure failures would otherwise run on and stop
            // "successfully"; this depends only on the log, so resume and replay stop alike.
            throw new NoAnswerException(NoAnswer.message(List.of(first[0]), episodesRun));
        }
        return current[0];
    }

    /**
     * The calls that reached the provider in the round a provider stop cut short: the stopping call
     * and those of the episodes or proposer calls still running then, in request order, as one block
     * of {@link InterruptedCalls}. No score is recorded for them, so a resume
     * runs those episodes again.
     */
    private LoopState recordInterrupted(LoopState state, List<ModelCallRecorded> calls) {
        if (calls.isEmpty()) {
            return state;
        }
        long seq = log.head().map(h -> h.seq() + 1).orElse(1L);
        List<NewEvent> events = new ArrayList<>();
        for (ModelCallRecorded call : calls) {
            ModelCallRecorded cut = InterruptedCalls.at(call, seq);
            events.add(NewEvent.keyed(cut, "call:" + cut.callId()));
        }
        return append(state, events);
    }

    private EpisodeSpec spec(LoopState state, EpisodeRequest r) {
        Environment env = environments.apply(r.envId());
        Instance instance = env.sample(r.seed(), r.difficulty());
        if (!instance.id().equals(r.instanceId())) {
            throw new IllegalStateException("environment " + r.envId() + " regenerated " + instance.id() + " for "
                    + r.instanceId() + ": its generator is not deterministic");
        }
        Library library = state.library(r.libraryVersion())
                .orElseThrow(
                        () -> new IllegalStateException("no library version " + r.libraryVersion() + " in the log"));
        return new EpisodeSpec(r.episodeId(), r.iteration(), r.phase(), r.split(), instance, env, library, r.sample());
    }

    /** Proposer calls run in parallel and are appended in the order the decider listed them. */
    private LoopState callProposer(LoopState state, List<ProposerCall> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(calls.size(), 8)), daemon());
        List<Future<ModelCall>> futures = new ArrayList<>();
        try {
            for (ProposerCall c : calls) {
                ChatRequest request = c.request();
                futures.add(pool.submit(() -> proposer.call(new CallContext(c.callId(), "proposer"), request)));
            }
            LoopState[] next = {state};
            long room = budget.maxCalls() - state.spend().calls() - calls.size();
            for (int i = 0; i < futures.size(); i++) {
                ProposerCall c = calls.get(i);
                ModelCall call = futures.get(i).get();
                int index = i;
                try {
                    call = InfraReruns.settleCall(
                            call,
                            () -> proposer.call(new CallContext(c.callId(), "proposer"), c.request()),
                            failed -> next[0] = recordInterrupted(next[0], List.of(failed)),
                            room-- > 0);
                } catch (ModelStopException stop) {
                    next[0] = recordInterrupted(next[0], later(futures, index));
                    throw stop;
                }
                ModelCallRecorded record = call.record();
                next[0] = append(next[0], List.of(NewEvent.keyed(record, "call:" + record.callId())));
            }
            return next[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the proposer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModelStopException stop) {
                recordInterrupted(state, unfinished(stop, futures));
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("proposer call failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The records of the proposer calls after {@code index}, each waited for: they reached the provider. */
    private static List<ModelCallRecorded> later(List<Future<ModelCall>> futures, int index) {
        List<ModelCallRecorded> out = new ArrayList<>();
        for (Future<ModelCall> f : futures.subList(index + 1, futures.size())) {
            try {
                out.add(f.get().record());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // A call that threw has no record to keep.
            }
        }
        return out;
    }

    /** The stopping call's record, then those of the proposer calls after it, each waited for. */
    private static List<ModelCallRecorded> unfinished(ModelStopException stop, List<Future<ModelCall>> futures) {
        List<ModelCallRecorded> cut = new ArrayList<>(stop.record().stream().toList());
        boolean after = false;
        for (Future<ModelCall> f : futures) {
            try {
                ModelCallRecorded record = f.get().record();
                if (after) {
                    cut.add(record);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return cut;
            } catch (ExecutionException e) {
                if (after && e.getCause() instanceof ModelStopException other) {
                    other.record().ifPresent(cut::add);
                }
                after |= e.getCause() == stop;
            }
        }
        return cut;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "ratchet-proposer");
            t.setDaemon(true);
            return t;
        };
    }
}
