package dev.ratchet.report;

import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.projection.CampaignOverview;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.DecisionEvidence;
import dev.ratchet.projection.DecisionEvidence.CandidateRun;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.List;
import java.util.Locale;

/**
 * {@code ratchet show}: one decision's full evidence. Each candidate's edit and verdict first, then
 * the probe item by item: the flip, then the baseline's and each candidate's episodes with the
 * model calls behind them.
 *
 * @param full print every request message (the system prompt too), not only the task and answer
 * @param item only this probe item, or null for all
 */
public record EvidenceText(boolean full, String item) {

    public String render(CampaignOverview o, List<Decision> decisions, DecisionEvidence ev) {
        StringBuilder sb = new StringBuilder();
        sb.append("campaign ").append(o.campaignId()).append(" · iteration ").append(ev.iteration());
        sb.append(" · ")
                .append(ev.candidates().size())
                .append(ev.candidates().size() == 1 ? " candidate" : " candidates");
        sb.append(o.simulated() ? " · answers from the simulator\n" : "\n");
        for (Decision d : decisions) {
            candidate(d, sb);
        }
        ProbeBuilt probe = ev.probe();
        if (probe == null) {
            return stageItems(decisions, sb);
        }
        long failing = probe.items().stream()
                .filter(ProbeBuilt.ProbeItem::failingBefore)
                .count();
        sb.append("\nprobe: ").append(probe.items().size()).append(" items (").append(failing);
        sb.append(" failing when drawn) · decision seed ").append(probe.decisionSeed());
        sb.append(" · decision ").append(probe.decisionsOnSplit()).append(" on the probe split\n");
        sb.append("baseline: version ")
                .append(Figures.shortVersion(ev.baselineVersion()))
                .append(" re-run on the probe\n");
        int n = 0;
        for (ProbeBuilt.ProbeItem it : probe.items()) {
            n++;
            if (item == null || item.equals(it.instanceId())) {
                item(n, probe.items().size(), it, decisions, ev, sb);
            }
        }
        return sb.toString();
    }

    private static void candidate(Decision d, StringBuilder sb) {
        sb.append('\n');
        if (d.candidateId() == null) {
            sb.append(d.status().label()).append(d.cluster() == null ? "" : " (cluster " + d.cluster() + ")");
            sb.append(": ").append(d.reason()).append('\n');
            return;
        }
        sb.append("candidate ")
                .append(d.candidateId())
                .append(" · ")
                .append(d.status().label().toUpperCase(Locale.ROOT));
        sb.append(d.cluster() == null ? "\n" : " · cluster " + d.cluster() + "\n");
        if (d.edit() != null) {
            edit(d.edit(), sb);
        }
        if (d.rationale() != null) {
            sb.append("  rationale: ").append(d.rationale()).append('\n');
        }
        if (d.gate() != null) {
            sb.append("  gate: ").append(HistoryText.gate(d)).append('\n');
        }
        sb.append("  why: ").append(d.reason()).append('\n');
        if (d.promotion() != null) {
            Decision.Promotion p = d.promotion();
            sb.append("  promoted ")
                    .append(Figures.shortVersion(p.fromVersion()))
                    .append(" -> ");
            sb.append(Figures.shortVersion(p.toVersion())).append("; confirm ");
            sb.append(Figures.percent(
                            p.confirmBefore() == null ? null : p.confirmBefore().accuracy()))
                    .append(" -> ");
            sb.append(Figures.percent(
                    p.confirmAfter() == null ? null : p.confirmAfter().accuracy()));
            sb.append(" (").append(Figures.points(p.confirmDelta())).append(")\n");
        }
    }

    private static void edit(Edit e, StringBuilder sb) {
        sb.append("  edit: ").append(HistoryText.edit(e)).append('\n');
        if (e.description() != null) {
            sb.append("    description: ").append(e.description()).append('\n');
        }
        if (e.trigger() != null) {
            sb.append("    trigger: ").append(e.trigger()).append('\n');
        }
        if (!e.tags().isEmpty()) {
            sb.append("    tags: ").append(String.join(", ", e.tags())).append('\n');
        }
        if (e.content() != null) {
            sb.append("    content:\n");
            LineDiff.lines(e.content())
                    .forEach(l -> sb.append("      | ").append(l).append('\n'));
        }
    }

    /**
     * The two-stage gate draws fresh items instead of a probe: each finalist's stage-2 items, one line
     * each, with the baseline's and the candidate's state (pass, fail or flaky over the samples).
     */
    private String stageItems(List<Decision> decisions, StringBuilder sb) {
        boolean any = false;
        for (Decision d : decisions) {
            if (d.gate() == null || d.gate().gain() == null) {
                continue;
            }
            any = true;
            List<Flip> flips = d.gate().flips();
            sb.append("\nstage-2 items of ")
                    .append(d.candidateId())
                    .append(" (")
                    .append(flips.size());
            sb.append(", fresh instances; environment · baseline · candidate)\n");
            for (Flip f :
                    full ? flips : flips.stream().filter(EvidenceText::differs).toList()) {
                sb.append("  ").append(f.instanceId()).append(" · ").append(f.before());
                sb.append(" · ")
                        .append(f.baseline())
                        .append(" · ")
                        .append(f.candidate())
                        .append('\n');
            }
            if (!full) {
                sb.append("  (only the items where they differ; --full lists every item)\n");
            }
        }
        if (!any) {
            sb.append("\nno candidate reached stage 2 of the gate in this iteration\n");
        }
        return sb.toString();
    }

    private static boolean differs(Flip f) {
        return !f.baseline().equals(f.candidate());
    }

    private void item(
            int n, int of, ProbeBuilt.ProbeItem it, List<Decision> decisions, DecisionEvidence ev, StringBuilder sb) {
        sb.append("\n[").append(n).append('/').append(of).append("] ").append(it.instanceId());
        sb.append(" (").append(it.envId()).append(") · ").append(it.failingBefore() ? "failing" : "passing");
        sb.append(" when drawn\n");
        for (Decision d : decisions) {
            Flip flip = d.gate() == null ? null : flip(d.gate().flips(), it.instanceId());
            if (flip != null) {
                sb.append("  ").append(d.candidateId()).append(": before ").append(flip.before());
                sb.append(" · baseline ")
                        .append(flip.baseline())
                        .append(" · candidate ")
                        .append(flip.candidate());
                sb.append(" -> ").append(verdict(flip)).append('\n');
            }
        }
        sb.append("  baseline ")
                .append(Figures.shortVersion(ev.baselineVersion()))
                .append(":\n");
        traces(ev.baseline(it.instanceId()), sb);
        for (CandidateRun run : ev.candidates()) {
            if (run.libraryVersion() != null) {
                sb.append("  candidate ").append(run.candidateId()).append(' ');
                sb.append(Figures.shortVersion(run.libraryVersion())).append(":\n");
                traces(run.episodes(it.instanceId()), sb);
            }
        }
    }

    /** What the flip means for the gate; flaky and infra items count neither way. */
    static String verdict(Flip f) {
        if (f.baseline().equals("flaky") || f.candidate().equals("flaky")) {
            return "FLAKY (not counted)";
        }
        if (f.baseline().equals("infra") || f.candidate().equals("infra")) {
            return "INFRA (not counted)";
        }
        if (f.before().equals("fail") && f.candidate().equals("pass")) {
            return "FIX";
        }
        if (f.before().equals("pass") && f.candidate().equals("fail")) {
            return "REGRESSION";
        }
        return "no change";
    }

    private static Flip flip(List<Flip> flips, String instanceId) {
        return flips.stream()
                .filter(f -> f.instanceId().equals(instanceId))
                .findFirst()
                .orElse(null);
    }

    private void traces(List<Trace> traces, StringBuilder sb) {
        if (traces.isEmpty()) {
            sb.append("    (no episode recorded)\n");
        }
        for (Trace t : traces) {
            EpisodeScored e = t.episode();
            sb.append("    sample ").append(e.sample()).append(" · ").append(e.outcome());
            sb.append("none".equals(e.failureKind()) ? "" : " (" + e.failureKind() + ")");
            sb.append(e.failedStep() == null ? "" : " at step " + e.failedStep());
            sb.append(" · answer \"").append(e.answer()).append("\" · ").append(e.steps());
            sb.append(e.steps() == 1 ? " step" : " steps")
                    .append(" · finish ")
                    .append(e.finishReason())
                    .append('\n');
            for (ModelCallRecorded c : t.calls()) {
                call(c, sb);
            }
        }
    }

    private void call(ModelCallRecorded c, StringBuilder sb) {
        sb.append("      call ")
                .append(c.callId())
                .append(" · ")
                .append(c.role())
                .append(" · ")
                .append(c.model());
        sb.append(" · ")
                .append(c.usage().inputTokens())
                .append(" in / ")
                .append(c.usage().outputTokens())
                .append(" out");
        sb.append(" · ")
                .append(Figures.duration(c.latencyMillis()))
                .append(" · ")
                .append(Figures.usd(c.costUsd()));
        sb.append(c.attempts().size() > 1 ? " · " + c.attempts().size() + " attempts" : "")
                .append('\n');
        if (full) {
            for (CallText.Message m : CallText.messages(c.request())) {
                block("        " + m.role() + "> ", m.text(), sb);
            }
        } else {
            block("        user> ", CallText.userText(c.request()), sb);
        }
        String answer = CallText.responseText(c.response());
        if (c.response() == null) {
            sb.append("        failed: ")
                    .append(c.errorClass() == null ? "no response" : c.errorClass())
                    .append('\n');
        } else if (answer != null) {
            block("        answer> ", answer, sb);
        }
        for (String tool : CallText.toolCalls(c.response())) {
            sb.append("        tool> ").append(tool).append('\n');
        }
    }

    /** Prints {@code text} with {@code prefix} on its first line and the prefix's width of spaces on the rest. */
    private static void block(String prefix, String text, StringBuilder sb) {
        String pad = " ".repeat(prefix.length());
        List<String> lines = LineDiff.lines(text);
        if (lines.isEmpty()) {
            sb.append(prefix.stripTrailing()).append('\n');
        }
        for (int i = 0; i < lines.size(); i++) {
            sb.append(((i == 0 ? prefix : pad) + lines.get(i)).stripTrailing()).append('\n');
        }
    }
}
