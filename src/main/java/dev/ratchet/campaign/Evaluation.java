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
import dev.ratchet.model.ModelStopException;
import dev.ratchet.skill.Library;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One library evaluated on a list of instances, outside any improvement loop. The log gets the
 * start events, then each episode's model calls and score in instance order (never completion
 * order, so the stream is the same at any concurrency; one transaction holds every episode ready
 * when it begins, which changes no event or hash), then a stop event: every episode ran ({@value
 * #COMPLETE}), a budget was reached (checked after each episode, on the spend of the episodes
 * before it), or the provider stopped answering. Episodes after the one that reached a budget are
 * discarded unrecorded: at most concurrency - 1 still running, whose calls the provider may still
 * bill, and at most the pool's window already finished.
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
        CampaignStopped stop;
        try {
            pool.runBatches(episodes, batch -> {
                append(tally.take(batch));
                return tally.stop == null;
            });
            stop = tally.stop;
        } catch (ModelStopException e) {
            e.record().ifPresent(r -> append(List.of(NewEvent.keyed(r, "call:" + r.callId()))));
            stop = new CampaignStopped(PROVIDER_STOPPED, e.getMessage(), 0);
        }
        CampaignStopped stopped =
                stop != null ? stop : new CampaignStopped(COMPLETE, "evaluated " + tally.done + " episodes", 0);
        append(List.of(NewEvent.of(stopped)));
        return stopped;
    }

    /**
     * The spend and count of the episodes taken so far, and the budget stop they reached. One
     * batch is one transaction, but the budget is still checked after each episode, at the seq its
     * next event will get, so a batch ends where one episode per transaction would have stopped.
     */
    private final class Tally {
        private final long count;
        private Spend spent = Spend.ZERO;
        private long done;
        private CampaignStopped stop;

        Tally(long count) {
            this.count = count;
        }

        /** The events of the batch's episodes up to and including the one that reached a budget. */
        List<NewEvent> take(List<EpisodeResult> batch) {
            List<NewEvent> events = new ArrayList<>();
            long nextSeq = log.head().map(h -> h.seq() + 1).orElse(1L);
            for (EpisodeResult result : batch) {
                List<NewEvent> keyed = result.keyedEvents();
                events.addAll(keyed);
                nextSeq += keyed.size();
                spent = spent.plusAll(result.calls());
                done++;
                if (done == count) {
                    break;
                }
                stop = budgetStop(spent, wallTime.elapsed(nextSeq)).orElse(null);
                if (stop != null) {
                    break;
                }
            }
            return events;
        }
    }

    private Optional<CampaignStopped> budgetStop(Spend spent, Duration elapsed) {
        Duration measured = elapsed == null ? Duration.ZERO : elapsed;
        return budget.exceeded(spent, measured)
                .map(label -> new CampaignStopped(label, detail(label, spent, measured), 0));
    }

    private String detail(String label, Spend spent, Duration elapsed) {
        return switch (label) {
            case Budget.CALLS -> spent.calls() + " model calls reached the budget of " + budget.maxCalls();
            case Budget.TOKENS -> spent.tokens() + " tokens reached the budget of " + budget.maxTokens();
            case Budget.COST -> String.format(
                    Locale.ROOT, "USD %.4f reached the budget of USD %.4f", spent.costUsd(), budget.maxCostUsd());
            default -> "ran " + elapsed.toSeconds() + " s, the wall-time budget is "
                    + budget.maxWallTime().toSeconds() + " s";
        };
    }

    private void append(List<NewEvent> events) {
        List<RecordedEvent> written = log.append(stream, version, events);
        version += written.size();
        written.forEach(r -> listener.accept(r.event()));
    }
}
