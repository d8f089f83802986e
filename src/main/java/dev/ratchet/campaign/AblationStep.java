package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.env.Environment;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.projection.AuditFigures;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An ablation's next step, a pure function of the folded log like the rest of {@link AuditStep}:
 * part by part ({@link AblationParts}), the library without the part is snapshotted (an event, so
 * its episodes can name it and replay rebuilds it), then compared with the full library on fresh
 * items of the campaign's mix, paired, under the gate's sequential test at the gate's alpha divided
 * by the number of parts (Bonferroni, as a re-check). Each part's items are drawn under its own stage
 * name ({@code ablate-N.<part index>.c<chunk>}) from the library without it, so no two parts, no
 * other audit and no step of the campaign share an item.
 */
final class AblationStep {

    private final CampaignConfig config;
    private final Function<String, Environment> environments;
    private final SplitIndex splits;

    AblationStep(CampaignConfig config, Function<String, Environment> environments, SplitIndex splits) {
        this.config = config;
        this.environments = environments;
        this.splits = splits;
    }

    /** The learned parts of {@code version}, relative to the campaign's starting library. */
    static List<AblationParts.Part> parts(LoopState state, String version) {
        Library start = state.library(state.startVersion()).orElseThrow();
        Library full = state.library(version)
                .orElseThrow(() -> new IllegalArgumentException("no library version " + version + " in the log"));
        return AblationParts.of(start, full);
    }

    Action next(LoopState state, AuditStarted audit, List<AuditCompared> done) {
        List<AblationParts.Part> parts = parts(state, audit.version());
        if (done.size() >= parts.size()) {
            return new Action.Emit(List.of(finished(audit, done)));
        }
        AblationParts.Part part = parts.get(done.size());
        String without = part.without().version();
        if (state.library(without).isEmpty()) {
            return new Action.Emit(List.of(LibrarySnapshots.snapshot(part.without(), audit.version())));
        }
        AuditComparison comparison = new AuditComparison(
                config.gate(),
                new GateItems(config.seed(), CampaignSetup.weightedIds(config), environments, splits),
                config.gate().alpha() / parts.size());
        AuditComparison.Pair pair = new AuditComparison.Pair(without, audit.version(), null, null, null, part.label());
        AuditComparison.Next next = comparison.next(
                state.audits(),
                audit.audit(),
                done.size(),
                pair,
                null,
                state.current().number());
        return next.result() != null ? new Action.Emit(List.of(next.result())) : new Action.RunEpisodes(next.missing());
    }

    private static AuditFinished finished(AuditStarted audit, List<AuditCompared> done) {
        if (done.isEmpty()) {
            return new AuditFinished(audit.audit(), audit.version(), "nothing learned to leave out");
        }
        List<AuditCompared> ranked = AuditFigures.ranked(done);
        List<AuditCompared> prune = AuditFigures.pruningCandidates(done);
        StringBuilder sb = new StringBuilder();
        sb.append(done.size())
                .append(done.size() == 1 ? " part" : " parts")
                .append(" left out in turn; by contribution: ");
        sb.append(String.join(
                ", ",
                ranked.stream()
                        .map(c -> String.format(
                                Locale.ROOT,
                                "%s %+.1f",
                                c.part(),
                                100 * c.gain().mean()))
                        .toList()));
        sb.append(
                prune.isEmpty()
                        ? "; every part's removal hurts: nothing to prune"
                        : "; removal not shown to hurt (pruning candidates): "
                                + String.join(
                                        ", ",
                                        prune.stream().map(AuditCompared::part).toList()));
        return new AuditFinished(audit.audit(), audit.version(), sb.toString());
    }
}
