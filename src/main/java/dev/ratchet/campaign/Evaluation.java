package dev.ratchet.campaign;

import dev.ratchet.agent.Budget;
import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeResult;
import dev.ratchet.agent.EpisodeSpec;
import dev.ratchet.agent.Spend;
import dev.ratchet.config.CampaignConfigParts.Budgets;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.skill.Library;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One library evaluated on a list of instances, outside any improvement loop. The log gets the
 * start events, then each episode's model calls and score as one transaction in instance order
 * (never completion order, so the stream is the same at any concurrency), then a stop event: every
 * episode ran ({@value #COMPLETE}), a budget was reached, or the provider stopped answering. No
 * episode starts that could take the calls past their budget, so that stop is the same at any
 * concurrency. Tokens, cost and wall time are known only afterwards: checked after each episode,
 * and the calls of the episodes still running then (at most concurrency - 1) are recorded after the
 * last score, since they reached the provider, and counted in the stop's figures.
 */
public final class Evaluation {

    public static final String COMPLETE = "eval-complete";
    public static final String PHASE = "eval";
    /** The stop reason when the provider refused further calls (quota, a rejected key, an outage). */
    public static final String PROVIDER_STOPPED = "provider-stopped";

    private final EventLog log;
    private final String stream;
    private final EpisodePool pool;
    private final Budget budget;
    private final CampaignRunner.WallTime wallTime;
    private final Consumer<Event> listener;
    private long version;

    public Evaluation(
            EventLog log,
            String stream,
            EpisodePool pool,
            Budget budget,
            CampaignRunner.WallTime wallTime,
            Consumer<Event> listener) {
        this.log = Objects.requireNonNull(log, "log");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The episodes of an evaluation: one sample of each instance, in the given order. */
    public static List<EpisodeSpec> episodes(
            List<Instance> instances, Function<String, Environment> environments, Library library, String split) {
        List<EpisodeSpec> specs = new ArrayList<>();
        for (Instance instance : instances) {
            String id = PHASE + "/" + instance.id() + "/s0";
            specs.add(new EpisodeSpec(id, 0, PHASE, split, instance, environments.apply(instance.envId()), library, 0));
        }
        return List.copyOf(specs);
    }

    /** A campaign config's budgets as limits; an absent one is unlimited. */
    public static Budget budget(Budgets b) {
        Budget limits = Budget.unlimited();
        limits = b.modelCalls() == null ? limits : limits.withMaxCalls(b.modelCalls());
        limits = b.tokens() == null ? limits : limits.withMaxTokens(b.tokens());
        limits = b.costUsd() == null ? limits : limits.withMaxCostUsd(b.costUsd());
        return b.wallTime() == null ? limits : limits.withMaxWallTime(b.wallTime());
    }

    /**
     * Appends {@code start} (the stream must be new), runs {@code episodes} and appends their
     * events in order, then the stop event, which it returns.
     */
    public CampaignStopped run(List<NewEvent> start, List<EpisodeSpec> episodes) {
        version = 0;
        append(start);
        Round round = new Round(episodes.size());
        try {
            int next = 0;
            while (next < episodes.size() && round.stop == null && round.overrun == null) {
                int end = affordable(episodes, next, round.spent);
                if (end == next) {
                    round.stop = new CampaignStopped(
                            Budget.CALLS,
                            budget.describe(Budget.CALLS, round.spent, Duration.ZERO) + "; the next episode could make "
                                    + pool.maxCalls(episodes.get(next)) + " calls",
                            0);
                    break;
                }
                pool.run(episodes.subList(next, end), round::deliver, round.leftovers::add);
                next = end;
            }
        } catch (ModelStopException e) {
            e.record().ifPresent(r -> append(List.of(NewEvent.keyed(r, "call:" + r.callId()))));
            round.stop = new CampaignStopped(PROVIDER_STOPPED, e.getMessage(), 0);
        }
        round.spent = round.spent.plus(recordLeftovers(round.leftovers));
        if (round.overrun != null) {
            round.stop =
                    new CampaignStopped(round.overrun, budget.describe(round.overrun, round.spent, round.elapsed), 0);
        }
        if (round.stop == null && !round.answered && round.first != null) {
            // Accuracy over nothing but infrastructure failures is no evaluation: say why, exit 3.
            round.stop = new CampaignStopped(PROVIDER_STOPPED, NoAnswer.message(List.of(round.first), round.done), 0);
        }
        CampaignStopped stopped = round.stop != null
                ? round.stop
                : new CampaignStopped(COMPLETE, "evaluated " + round.done + " episodes", 0);
        append(List.of(NewEvent.of(stopped)));
        return stopped;
    }

    /**
     * The end of the next run of episodes from {@code from} that the call budget pays for even if
     * each made its most calls: no episode starts whose calls could pass the budget (issue 12,
     * item 18), and the cut depends on nothing but the spend so far, never on timing.
     */
    private int affordable(List<EpisodeSpec> episodes, int from, Spend spent) {
        long room = budget.maxCalls() - spent.calls();
        int end = from;
        long worst = 0;
        while (end < episodes.size() && worst + pool.maxCalls(episodes.get(end)) <= room) {
            worst += pool.maxCalls(episodes.get(end));
            end++;
        }
        return end;
    }

    /**
     * Episodes still running when the evaluation stopped made requests that reached the provider
     * (and may be billed): their calls are recorded, in instance order, though not their scores,
     * which came after the stop (issue 12, item 19).
     */
    private Spend recordLeftovers(List<EpisodePool.Leftover> leftovers) {
        Spend spent = Spend.ZERO;
        for (EpisodePool.Leftover left : leftovers) {
            List<ModelCallRecorded> calls = left.result() != null
                    ? left.result().calls()
                    : left.thrown() instanceof ModelStopException stop
                            ? stop.record().stream().toList()
                            : List.of();
            List<NewEvent> events = new ArrayList<>();
            calls.forEach(c -> events.add(NewEvent.keyed(c, "call:" + c.callId())));
            if (!events.isEmpty()) {
                append(events);
            }
            spent = spent.plusAll(calls);
        }
        return spent;
    }

    /** What one evaluation has delivered so far, in instance order. */
    private final class Round {
        final int total;
        Spend spent = Spend.ZERO;
        int done;
        boolean answered;
        EpisodeResult first;
        CampaignStopped stop;
        /** The budget that stopped the round, its figures written once the calls still running are in. */
        String overrun;

        Duration elapsed = Duration.ZERO;
        final List<EpisodePool.Leftover> leftovers = new ArrayList<>();

        Round(int total) {
            this.total = total;
        }

        boolean deliver(EpisodeResult result) {
            append(keyed(result));
            spent = spent.plusAll(result.calls());
            answered |= result.calls().stream().anyMatch(NoAnswer::answered);
            first = first == null ? result : first;
            done++;
            if (done == total) {
                return true;
            }
            Duration measured =
                    wallTime.elapsed(log.head().map(h -> h.seq() + 1).orElse(1L));
            elapsed = measured == null ? Duration.ZERO : measured;
            overrun = budget.exceeded(spent, elapsed).orElse(null);
            return overrun == null;
        }
    }

    private static List<NewEvent> keyed(EpisodeResult result) {
        List<NewEvent> out = new ArrayList<>();
        for (ModelCallRecorded call : result.calls()) {
            out.add(NewEvent.keyed(call, "call:" + call.callId()));
        }
        out.add(NewEvent.keyed(result.scored(), "episode:" + result.scored().episodeId()));
        return out;
    }

    private void append(List<NewEvent> events) {
        List<RecordedEvent> written = log.append(stream, version, events);
        version += written.size();
        written.forEach(r -> listener.accept(r.event()));
    }
}
