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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One library evaluated on a list of instances, outside any improvement loop. The log gets the
 * start events, then each episode's model calls and score as one transaction in instance order
 * (never completion order, so the stream is the same at any concurrency), then a stop event: every
 * episode ran ({@value #COMPLETE}), a budget was reached (checked after each episode, on the spend
 * of the episodes appended so far), or the provider stopped answering. Episodes still running
 * when a budget is reached are discarded unrecorded: at most concurrency - 1 of them, whose calls
 * the provider may still bill.
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
        Spend[] spent = {Spend.ZERO};
        int[] done = {0};
        CampaignStopped[] stop = {null};
        boolean[] answered = {false};
        List<EpisodeResult> results = new ArrayList<>();
        try {
            pool.run(episodes, result -> {
                append(keyed(result));
                spent[0] = spent[0].plusAll(result.calls());
                answered[0] |= result.calls().stream().anyMatch(NoAnswer::answered);
                if (results.isEmpty()) {
                    results.add(result);
                }
                done[0]++;
                if (done[0] == episodes.size()) {
                    return true;
                }
                stop[0] = budgetStop(
                                spent[0],
                                wallTime.elapsed(
                                        log.head().map(h -> h.seq() + 1).orElse(1L)))
                        .orElse(null);
                return stop[0] == null;
            });
        } catch (ModelStopException e) {
            e.record().ifPresent(r -> append(List.of(NewEvent.keyed(r, "call:" + r.callId()))));
            stop[0] = new CampaignStopped(PROVIDER_STOPPED, e.getMessage(), 0);
        }
        if (stop[0] == null && !answered[0] && !results.isEmpty()) {
            // Accuracy over nothing but infrastructure failures is no evaluation: say why, exit 3.
            stop[0] = new CampaignStopped(PROVIDER_STOPPED, NoAnswer.message(results, done[0]), 0);
        }
        CampaignStopped stopped =
                stop[0] != null ? stop[0] : new CampaignStopped(COMPLETE, "evaluated " + done[0] + " episodes", 0);
        append(List.of(NewEvent.of(stopped)));
        return stopped;
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
