package dev.ratchet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.Json;
import dev.ratchet.projection.CampaignOverview;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.Rate;
import dev.ratchet.projection.Spend;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ratchet history}: the promotion timeline as text or as JSON. */
public final class HistoryText {

    private HistoryText() {}

    public static String render(CampaignView view) {
        StringBuilder sb = new StringBuilder();
        header(view.overview(), sb);
        placebo(view.history().placebo(), sb);
        int iteration = Integer.MIN_VALUE;
        for (Decision d : view.history().decisions()) {
            if (d.iteration() != iteration) {
                iteration = d.iteration();
                sb.append('\n').append("iteration ").append(iteration).append(" · ");
                sb.append(spend(d.iterationSpend())).append('\n');
            }
            decision(d, sb);
        }
        if (view.history().decisions().isEmpty()) {
            sb.append("\nno decisions yet\n");
        }
        return sb.toString();
    }

    /** The placebo's pass rate, when the gate ran one: the false-promotion rate measured on this model. */
    static void placebo(dev.ratchet.projection.PromotionHistory.Placebo p, StringBuilder sb) {
        if (p.decisions() > 0) {
            sb.append("placebo (a null edit through the gate, never promoted): would have passed in ")
                    .append(new Rate(p.passed(), p.decisions()).describe())
                    .append(p.decisions() == 1 ? " decision" : " decisions")
                    .append(": the false-promotion rate measured on this campaign's model\n");
        }
    }

    static void header(CampaignOverview o, StringBuilder sb) {
        sb.append("campaign ").append(o.campaignId()).append(" (").append(o.configName());
        sb.append(", seed ")
                .append(o.seed())
                .append("): ")
                .append(o.iterations())
                .append(" iterations, ");
        sb.append(o.promotions()).append(o.promotions() == 1 ? " promotion, " : " promotions, ");
        sb.append(
                o.stopped()
                        ? "stopped: " + o.stopReason() + " (" + o.stopDetail() + ")"
                        : "not stopped (running, or crashed)");
        sb.append('\n');
        if (!o.models().isEmpty()) {
            sb.append("models: ").append(String.join(", ", o.models()));
            sb.append(o.simulated() ? " (simulator: these figures are simulated, not a real model's)\n" : "\n");
        }
        sb.append("library: ").append(Figures.shortVersion(o.initialVersion())).append(" (initial) -> ");
        sb.append(Figures.shortVersion(o.currentVersion())).append(" (current)\n");
        sb.append("spend: ").append(spend(o.spend())).append('\n');
    }

    static String spend(Spend s) {
        String failed = s.failedCalls() > 0 ? " (" + s.failedCalls() + " failed)" : "";
        return s.calls() + " calls" + failed + " · " + Figures.count(s.tokens()) + " tokens · "
                + Figures.usd(s.costUsd()) + " · model time " + Figures.duration(s.latencyMillis());
    }

    private static void decision(Decision d, StringBuilder sb) {
        String id = d.candidateId() == null ? "-" : d.candidateId();
        String status = d.status().label().toUpperCase(Locale.ROOT);
        String what = d.edit() != null ? edit(d.edit()) : d.cluster() == null ? "" : "cluster " + d.cluster();
        sb.append(String.format(Locale.ROOT, "  %-8s %-16s %s%n", id, status, what)
                        .stripTrailing())
                .append('\n');
        String pad = " ".repeat(11);
        if (d.gate() != null) {
            sb.append(pad).append(gate(d)).append('\n');
        }
        sb.append(pad).append("why: ").append(d.reason()).append('\n');
    }

    static String edit(Edit e) {
        return e.op() + " " + e.target();
    }

    static String gate(Decision d) {
        Decision.Gate g = d.gate();
        if (g.screen() != null) {
            return stages(d);
        }
        List<String> parts = new ArrayList<>();
        parts.add("fixes " + g.fixes() + baseline(g.baselineFixes()));
        parts.add("regressions " + g.regressions() + baseline(g.baselineRegressions()));
        parts.add("flaky " + g.flaky());
        if (g.infra() > 0) {
            parts.add("infra " + g.infra());
        }
        parts.add("net " + Figures.signed(g.net()));
        parts.add("budget " + (g.regressionBudget() == null ? "?" : g.regressionBudget()));
        if (g.pValue() != null) {
            parts.add("p " + Figures.pValue(g.pValue()) + (g.alpha() == null ? "" : " (alpha " + g.alpha() + ")"));
        }
        if (d.promotion() != null) {
            parts.add(confirm(d.promotion()));
        }
        return String.join(" · ", parts);
    }

    /** The two-stage gate: each stage's gain with its 95% interval, the environments, the outcome. */
    private static String stages(Decision d) {
        Decision.Gate g = d.gate();
        List<String> parts = new ArrayList<>();
        parts.add("screen " + Figures.gain(g.screen()));
        if (g.gain() != null) {
            parts.add("stage 2 " + Figures.gain(g.gain()));
            for (var e : g.environments()) {
                parts.add(e.envId() + " " + Figures.gain(e.gain()) + (e.regressed() ? " REGRESSED" : ""));
            }
        }
        parts.add(g.status());
        if (d.promotion() != null) {
            parts.add(confirm(d.promotion()));
        }
        return String.join(" · ", parts);
    }

    /** The confirm split before and after a promotion, each with its count and 95% interval, and the change. */
    static String confirm(Decision.Promotion p) {
        if (p.confirmBefore() == null || p.confirmAfter() == null) {
            return "confirm " + Figures.points(p.confirmDelta());
        }
        return "confirm " + p.confirmBefore().describe() + " -> "
                + p.confirmAfter().describe() + " (" + Figures.points(p.confirmDelta()) + ")";
    }

    private static String baseline(int n) {
        return n == 0 ? "" : " (baseline " + n + ")";
    }

    /** The timeline as JSON: the campaign's overview and every decision, field by field. */
    public static String json(CampaignView view) {
        CampaignOverview o = view.overview();
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("campaignId", o.campaignId());
        campaign.put("configName", o.configName());
        campaign.put("seed", o.seed());
        campaign.put("iterations", o.iterations());
        campaign.put("promotions", o.promotions());
        campaign.put("initialVersion", o.initialVersion());
        campaign.put("currentVersion", o.currentVersion());
        campaign.put("models", o.models());
        campaign.put("simulated", o.simulated());
        campaign.put("stopReason", o.stopReason());
        campaign.put("stopDetail", o.stopDetail());
        campaign.put("spend", o.spend());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("campaign", campaign);
        root.put("decisions", view.history().decisions());
        try {
            return Json.CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
