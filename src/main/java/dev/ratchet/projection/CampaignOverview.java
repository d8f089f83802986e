package dev.ratchet.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who, what and how much for a whole campaign: identity and settings from {@code campaign.started},
 * the models that answered, the current library version, how it stopped, and the total spend.
 * {@code campaignId} is null when the log holds no {@code campaign.started} event.
 */
public record CampaignOverview(
        String campaignId,
        String configName,
        long seed,
        String codeVersion,
        String initialVersion,
        String currentVersion,
        @JsonIgnore JsonNode config,
        List<String> models,
        int iterations,
        int promotions,
        String stopReason,
        String stopDetail,
        Spend spend,
        long events) {

    /** Models whose name starts with this are the simulator, and every figure they produce is simulated. */
    public static final String SIMULATED_PREFIX = "simulated";

    public CampaignOverview {
        models = List.copyOf(models);
        Objects.requireNonNull(spend, "spend");
    }

    /** True when any model call was answered by the simulator. */
    public boolean simulated() {
        return models.stream().anyMatch(m -> m.startsWith(SIMULATED_PREFIX));
    }

    public boolean stopped() {
        return stopReason != null;
    }

    /** The gate's regression budget from the config snapshot, or null when the snapshot does not say. */
    public Integer regressionBudget() {
        return ConfigValues.integer(config, ConfigValues.REGRESSION_BUDGET);
    }

    /** The exact test's alpha from the config snapshot, or null when the campaign used none. */
    public Double alpha() {
        return ConfigValues.number(config, ConfigValues.ALPHA);
    }

    public static CampaignOverview of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<CampaignOverview> fold() {
        return new Builder();
    }

    private static final class Builder implements Fold<CampaignOverview> {
        private CampaignStarted started;
        private CampaignStopped stopped;
        private String current;
        private int iterations;
        private int promotions;
        private long events;
        private Spend spend = Spend.NONE;
        private final TreeSet<String> models = new TreeSet<>();

        @Override
        public void accept(Event e) {
            events++;
            if (e instanceof CampaignStarted s) {
                started = s;
                current = s.libraryVersion();
            } else if (e instanceof IterationStarted i) {
                iterations = Math.max(iterations, i.iteration());
            } else if (e instanceof CandidatePromoted p) {
                current = p.toVersion();
                promotions++;
            } else if (e instanceof LibraryRolledBack r) {
                current = r.toVersion();
            } else if (e instanceof ModelCallRecorded c) {
                models.add(c.model());
                spend = spend.plus(c);
            } else if (e instanceof CampaignStopped s) {
                stopped = s;
            }
        }

        @Override
        public CampaignOverview result() {
            return new CampaignOverview(
                    started == null ? null : started.campaignId(),
                    started == null ? null : started.configName(),
                    started == null ? 0 : started.seed(),
                    started == null ? null : started.codeVersion(),
                    started == null ? null : started.libraryVersion(),
                    current,
                    started == null ? null : started.config(),
                    List.copyOf(models),
                    iterations,
                    promotions,
                    stopped == null ? null : stopped.reason(),
                    stopped == null ? null : stopped.detail(),
                    spend,
                    events);
        }
    }
}
