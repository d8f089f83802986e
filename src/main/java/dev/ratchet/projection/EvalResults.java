package dev.ratchet.projection;

import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What an evaluation found, read from its log: per environment (suite tasks grouped under their
 * suite), the episodes, the accuracy over scored attempts (infrastructure errors are the provider's,
 * not the agent's, and are left out, as in the gate) and the failure kinds; the same over all
 * episodes; what the model calls cost; and why the evaluation stopped. A suite's tasks also have
 * rows of their own ({@link #tasksOf}), so that a person sees which of their tasks failed.
 */
public record EvalResults(
        List<Group> groups, List<Group> tasks, Group total, Spend spend, String stopReason, String stopDetail) {

    public EvalResults {
        groups = List.copyOf(groups);
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(spend, "spend");
    }

    /** One environment (or suite): passes out of scored episodes, infra errors, and failure kinds by label. */
    public record Group(
            String id, String parent, int episodes, Rate rate, int infra, Map<String, Integer> failureKinds) {

        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(rate, "rate");
            failureKinds = Collections.unmodifiableMap(new TreeMap<>(failureKinds));
        }

        static Group empty(String id, String parent) {
            return new Group(id, parent, 0, Rate.NONE, 0, Map.of());
        }

        Group plus(EpisodeScored s) {
            boolean infra = "infra".equals(s.outcome());
            Map<String, Integer> kinds = new TreeMap<>(failureKinds);
            if (!s.passed()) {
                kinds.merge(s.failureKind(), 1, Integer::sum);
            }
            return new Group(
                    id,
                    parent,
                    episodes + 1,
                    infra ? rate : rate.plus(s.passed()),
                    this.infra + (infra ? 1 : 0),
                    kinds);
        }
    }

    /** The rows of the tasks grouped under {@code groupId} (a suite's), in log order; none for an environment. */
    public List<Group> tasksOf(String groupId) {
        return tasks.stream().filter(t -> t.parent().equals(groupId)).toList();
    }

    /** {@code group} names the row an environment id belongs to (its suite, say, or itself). */
    public static Fold<EvalResults> fold(Function<String, String> group) {
        return new Builder(group);
    }

    private static final class Builder implements Fold<EvalResults> {
        private final Function<String, String> group;
        // Rows in order of first appearance, which follows the log and so the instance order.
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private final Map<String, Group> tasks = new LinkedHashMap<>();
        private Group total = Group.empty("all", "");
        private Spend spend = Spend.NONE;
        private CampaignStopped stopped;

        Builder(Function<String, String> group) {
            this.group = Objects.requireNonNull(group, "group");
        }

        @Override
        public void accept(Event e) {
            if (e instanceof EpisodeScored s) {
                String id = group.apply(s.envId());
                groups.put(id, groups.getOrDefault(id, Group.empty(id, "")).plus(s));
                if (!id.equals(s.envId())) {
                    tasks.put(
                            s.envId(),
                            tasks.getOrDefault(s.envId(), Group.empty(s.envId(), id))
                                    .plus(s));
                }
                total = total.plus(s);
            } else if (e instanceof ModelCallRecorded c) {
                spend = spend.plus(c);
            } else if (e instanceof CampaignStopped s) {
                stopped = s;
            }
        }

        @Override
        public EvalResults result() {
            return new EvalResults(
                    new ArrayList<>(groups.values()),
                    new ArrayList<>(tasks.values()),
                    total,
                    spend,
                    stopped == null ? null : stopped.reason(),
                    stopped == null ? null : stopped.detail());
        }
    }
}
