package dev.ratchet.propose;

import dev.ratchet.env.Instance;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one proposer call is shown: a failure cluster with failing traces, passing traces of
 * the same environments (so the proposer compares rather than guesses), the library with each
 * skill's record at the gate, and the items the edit must not regress.
 */
public record ProposerInput(
        int iteration,
        FailureClusters.Cluster cluster,
        int environmentEpisodes,
        List<FailingTrace> failing,
        List<PassingTrace> passing,
        List<SkillStanding> library,
        List<String> sections,
        List<String> doNotRegress,
        int maxSkillChars,
        List<String> rejected) {

    /** At most this many traces of each kind, and ids to protect, keep the prompt small. */
    public static final int MAX_FAILING = 6;

    public static final int MAX_PASSING = 4;
    public static final int MAX_DO_NOT_REGRESS = 24;
    /** The most recent rejected edits the proposer is told not to resubmit unchanged. */
    public static final int MAX_REJECTED = 12;

    public ProposerInput {
        Objects.requireNonNull(cluster, "cluster");
        failing = List.copyOf(failing);
        passing = List.copyOf(passing);
        library = List.copyOf(library);
        sections = List.copyOf(sections);
        doNotRegress = List.copyOf(doNotRegress);
        rejected = List.copyOf(rejected);
    }

    /** A failing task: what was asked, what the agent answered, what was expected. */
    public record FailingTrace(
            String instanceId, String envId, String regime, String prompt, String answer, String expected) {}

    /** A passing task of the same environment, for comparison. */
    public record PassingTrace(String instanceId, String envId, String prompt, String answer) {}

    /** A skill, its trigger, and how many fixes and regressions it brought when it was promoted. */
    public record SkillStanding(String name, String trigger, int fixes, int regressions) {}

    /**
     * Selects the traces for one cluster from the iteration's batch.
     *
     * @param batch the batch episodes in run order
     * @param instances looks up a batch instance by id (for its prompt and expected answer)
     * @param records each skill's fixes and regressions so far, by skill name
     * @param rejected the campaign's rejected edits so far, oldest first; the latest are shown
     */
    public static ProposerInput of(
            int iteration,
            FailureClusters.Cluster cluster,
            List<EpisodeScored> batch,
            Function<String, Instance> instances,
            Library library,
            Map<String, SkillStanding> records,
            int maxSkillChars,
            List<String> rejected) {
        List<FailingTrace> failing = failingTraces(cluster, batch, instances);
        List<PassingTrace> passing = batch.stream()
                .filter(e -> e.passed() && e.envId().equals(cluster.envId()))
                .limit(MAX_PASSING)
                .map(e -> new PassingTrace(
                        e.instanceId(),
                        e.envId(),
                        instances.apply(e.instanceId()).prompt(),
                        e.answer()))
                .toList();
        Set<String> protectedIds = batch.stream()
                .filter(EpisodeScored::passed)
                .map(EpisodeScored::instanceId)
                .collect(Collectors.toCollection(TreeSet::new));
        int inEnvironment = (int)
                batch.stream().filter(e -> e.envId().equals(cluster.envId())).count();
        return new ProposerInput(
                iteration,
                cluster,
                inEnvironment,
                failing,
                passing,
                library.skills().stream().map(s -> standing(s, records)).toList(),
                library.sections().stream().map(PromptSection::name).toList(),
                protectedIds.stream().limit(MAX_DO_NOT_REGRESS).toList(),
                maxSkillChars,
                rejected.subList(Math.max(0, rejected.size() - MAX_REJECTED), rejected.size()));
    }

    private static List<FailingTrace> failingTraces(
            FailureClusters.Cluster cluster, List<EpisodeScored> batch, Function<String, Instance> instances) {
        Map<String, EpisodeScored> byId =
                batch.stream().collect(Collectors.toMap(EpisodeScored::episodeId, e -> e, (a, b) -> a));
        List<FailingTrace> failing = new ArrayList<>();
        for (FailureClassified f : cluster.failures()
                .subList(0, Math.min(MAX_FAILING, cluster.failures().size()))) {
            Instance instance = instances.apply(f.instanceId());
            failing.add(new FailingTrace(
                    f.instanceId(),
                    f.envId(),
                    f.regime(),
                    instance.prompt(),
                    byId.get(f.episodeId()).answer(),
                    instance.expected()));
        }
        return failing;
    }

    private static SkillStanding standing(Skill skill, Map<String, SkillStanding> records) {
        SkillStanding known = records.get(skill.name());
        return known == null
                ? new SkillStanding(skill.name(), skill.trigger(), 0, 0)
                : new SkillStanding(skill.name(), skill.trigger(), known.fixes(), known.regressions());
    }
}
