package dev.ratchet.campaign;

import dev.ratchet.agent.Budget;
import dev.ratchet.agent.EpisodePool;
import dev.ratchet.agent.EpisodeResult;
import dev.ratchet.agent.EpisodeSpec;
import dev.ratchet.agent.Spend;
import dev.ratchet.config.CampaignConfigParts.Budgets;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Splits;
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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One library evaluated on a list of instances, outside any improvement loop. The log gets the
 * start events, then each episode's model calls and score in instance order (never completion
 * order, so the stream is the same at any concurrency; one transaction holds every episode ready
 * when it begins, which changes no event or hash), then a stop event: every episode ran ({@value
 * #COMPLETE}), a budget was reached, or the provider stopped answering. No episode starts that could
 * take the calls past their budget, so that stop is the same at any concurrency. Tokens, cost and
 * wall time are known only afterwards: checked after each episode, and the calls of the episodes
 * started after the one that reached a budget (at most concurrency - 1 still running, at most the
 * pool's window already finished) are recorded after the last score, since they reached the
 * provider, and counted in the stop's figures.
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

    /**
     * The episodes of an evaluation: one sample of each instance, in the given order, each under the
     * split it was drawn in.
     */
    public static Episodes episodes(
            Splits.Sequence instances, Function<String, Environment> environments, Library library) {
        return new Episodes(instances.count(), () -> new Iterator<>() {
            private final Iterator<Splits.Drawn> source = instances.drawn();

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public EpisodeSpec next() {
                Splits.Drawn drawn = source.next();
                Instance instance = drawn.instance();
                String id = PHASE + "/" + instance.id() + "/s0";
                return new EpisodeSpec(
                        id, 0, PHASE, drawn.split(), instance, environments.apply(instance.envId()), library, 0);
            }
        });
    }

    /** Episodes made one at a time as they are iterated, and how many there are. */
    public record Episodes(long count, Supplier<Iterator<EpisodeSpec>> iterators) {
        public Episodes {
            Objects.requireNonNull(iterators, "iterators");
        }

        public Iterator<EpisodeSpec> iterator() {
            return iterators.get();
        }
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
        return run(start, episodes.iterator(), episodes.size());
    }

    /** As {@link #run(List, List)}, drawing the episodes as the pool has room for them. */
    public CampaignStopped run(List<NewEvent> start, Episodes episodes) {
        return run(start, episodes.iterator(), episodes.count());
    }

    /**
     * As {@link #run(List, List)} for {@code count} episodes made as they are needed, so that a long
     * evaluation holds only the pool's window of them.
     */
    public CampaignStopped run(List<NewEvent> start, Iterator<EpisodeSpec> episodes, long count) {
        version = 0;
        append(start);
        Tally tally = new Tally(count);
        Peeking source = new Peeking(episodes);
        try {
            while (source.hasNext() && tally.overrun == null) {
                Affordable round = new Affordable(source, budget.maxCalls() - tally.spent.calls());
                if (!round.hasNext()) {
                    tally.stop = new CampaignStopped(
                            Budget.CALLS,
                            budget.describe(Budget.CALLS, tally.spent, Duration.ZERO) + "; the next episode could make "
                                    + pool.maxCalls(source.peek()) + " calls",
                            0);
                    break;
                }
                pool.runBatches(
                        round,
                        batch -> {
                            append(tally.take(batch));
                            return tally.overrun == null;
                        },
                        tally.leftovers::add);
            }
        } catch (ModelStopException e) {
            e.record().ifPresent(r -> append(List.of(NewEvent.keyed(r, "call:" + r.callId()))));
            tally.stop = new CampaignStopped(PROVIDER_STOPPED, e.getMessage(), 0);
        }
        tally.spent = tally.spent.plus(recordLeftovers(tally.leftovers));
        if (tally.overrun != null) {
            tally.stop =
                    new CampaignStopped(tally.overrun, budget.describe(tally.overrun, tally.spent, tally.elapsed), 0);
        }
        if (tally.stop == null && !tally.answered && tally.first != null) {
            // Accuracy over nothing but infrastructure failures is no evaluation: say why, exit 3.
            tally.stop = new CampaignStopped(PROVIDER_STOPPED, NoAnswer.message(List.of(tally.first), tally.done), 0);
        }
        CampaignStopped stopped = tally.stop != null
                ? tally.stop
                : new CampaignStopped(COMPLETE, "evaluated " + tally.done + " episodes", 0);
        append(List.of(NewEvent.of(stopped)));
        return stopped;
    }

    /**
     * The next run of episodes from {@code source} that the call budget pays for even if each made
     * its most calls: no episode starts whose calls could pass the budget, and
     * the cut depends on nothing but the spend before the run, never on timing. The pool's feeder
     * draws from it, so episodes are still made only as the pool has room for them.
     */
    private final class Affordable implements Iterator<EpisodeSpec> {
        private final Peeking source;
        private final long room;
        private long worst;

        Affordable(Peeking source, long room) {
            this.source = source;
            this.room = room;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext() && worst + pool.maxCalls(source.peek()) <= room;
        }

        @Override
        public EpisodeSpec next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            EpisodeSpec spec = source.next();
            worst += pool.maxCalls(spec);
            return spec;
        }
    }

    /** An iterator that can look at its next episode without taking it, so a round can end before it. */
    private static final class Peeking implements Iterator<EpisodeSpec> {
        private final Iterator<EpisodeSpec> source;
        private EpisodeSpec next;

        Peeking(Iterator<EpisodeSpec> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return next != null || source.hasNext();
        }

        EpisodeSpec peek() {
            if (next == null) {
                next = source.next();
            }
            return next;
        }

        @Override
        public EpisodeSpec next() {
            EpisodeSpec spec = peek();
            next = null;
            return spec;
        }
    }

    /**
     * Episodes still running when the evaluation stopped made requests that reached the provider
     * (and may be billed): their calls are recorded, in instance order, though not their scores,
     * which came after the stop.
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

    /**
     * The spend and count of the episodes taken so far, and the budget they overran. One batch is
     * one transaction, but the budget is still checked after each episode, at the seq its next event
     * will get, so a batch ends where one episode per transaction would have stopped; the results of
     * the batch after that episode are leftovers, recorded as those still running are.
     */
    private final class Tally {
        private final long count;
        Spend spent = Spend.ZERO;
        long done;
        boolean answered;
        /** The first result in instance order, for the message if the agent never answered. */
        EpisodeResult first;

        CampaignStopped stop;
        /** The budget that stopped the evaluation, its figures written once the calls still running are in. */
        String overrun;

        Duration elapsed = Duration.ZERO;
        final List<EpisodePool.Leftover> leftovers = new ArrayList<>();

        Tally(long count) {
            this.count = count;
        }

        /** The events of the batch's episodes up to and including the one that reached a budget. */
        List<NewEvent> take(List<EpisodeResult> batch) {
            List<NewEvent> events = new ArrayList<>();
            long nextSeq = log.head().map(h -> h.seq() + 1).orElse(1L);
            for (int i = 0; i < batch.size(); i++) {
                EpisodeResult result = batch.get(i);
                List<NewEvent> keyed = result.keyedEvents();
                events.addAll(keyed);
                nextSeq += keyed.size();
                spent = spent.plusAll(result.calls());
                answered |= result.calls().stream().anyMatch(NoAnswer::answered);
                first = first == null ? result : first;
                done++;
                if (done == count) {
                    break;
                }
                Duration measured = wallTime.elapsed(nextSeq);
                elapsed = measured == null ? Duration.ZERO : measured;
                overrun = budget.exceeded(spent, elapsed).orElse(null);
                if (overrun != null) {
                    batch.subList(i + 1, batch.size()).forEach(r -> leftovers.add(new EpisodePool.Leftover(r, null)));
                    break;
                }
            }
            return events;
        }
    }

    private void append(List<NewEvent> events) {
        List<RecordedEvent> written = log.append(stream, version, events);
        version += written.size();
        written.forEach(r -> listener.accept(r.event()));
    }
}
