package dev.ratchet.cli;

import dev.ratchet.config.CampaignConfig;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.projection.AuditTrail;
import dev.ratchet.report.Figures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ablations and transfer measurements as text (for the commands and {@code history}) and as JSON. */
final class AuditTables {

    private AuditTables() {}

    /** One ablation or transfer: a header, a table, its verdict (or that it is unfinished). */
    static String render(AuditTrail.Audit audit) {
        StringBuilder sb = new StringBuilder();
        AuditStarted s = audit.started();
        boolean ablate = AuditStarted.ABLATE.equals(s.kind());
        if (ablate) {
            sb.append(s.audit()).append(": every learned part of ").append(Figures.shortVersion(s.version()));
            sb.append(" left out in turn, against the full library on fresh items\n");
            sb.append(String.format("  %-4s %-52s %-34s %s%n", "rank", "part", "contribution", "status"));
            int rank = 1;
            for (AuditCompared c : audit.ranked()) {
                String prune = c.better() ? "" : " · pruning candidate";
                sb.append(String.format(
                        "  %-4d %-52s %-34s %s%s%n", rank++, c.part(), Figures.gain(c.gain()), c.status(), prune));
            }
        } else {
            sb.append(s.audit()).append(": final library ").append(Figures.shortVersion(s.bad()));
            sb.append(" against initial ").append(Figures.shortVersion(s.good()));
            sb.append(" on environments the campaign did not train on\n");
            int width = audit.comparisons().stream()
                    .mapToInt(c -> c.env().length())
                    .max()
                    .orElse(0);
            String row = "  %-" + Math.max(11, width) + "s  %-34s %s%n";
            sb.append(String.format(row, "environment", "gain", "status"));
            for (AuditCompared c : audit.comparisons()) {
                sb.append(String.format(row, c.env(), Figures.gain(c.gain()), c.status()));
            }
        }
        sb.append(
                audit.finished() == null
                        ? "  unfinished: run the same command again to finish it\n"
                        : "  " + audit.finished().verdict() + "\n");
        return sb.toString();
    }

    /**
     * The summary's transfer lines for a campaign with {@code holdout-environments}: the latest
     * finished transfer measurement on them, one line per environment under the figure.
     */
    static List<String> transferSummary(CampaignConfig config, List<Event> events) {
        if (config.holdoutEnvironments().isEmpty()) {
            return List.of();
        }
        Optional<AuditTrail.Audit> found = AuditTrail.of(events).audits().stream()
                .filter(a -> AuditStarted.TRANSFER.equals(a.kind()) && a.finished() != null)
                .filter(a -> a.started().envs().equals(config.holdoutEnvironments()))
                .reduce((a, b) -> b);
        if (found.isEmpty()) {
            return List.of("transfer to held-out environments: not measured (the campaign promoted nothing)");
        }
        List<String> lines = new ArrayList<>();
        lines.add("transfer to held-out environments (" + found.get().started().audit() + ", final against initial"
                + " library, paired on fresh items): "
                + found.get().transfer().map(Figures::gain).orElse("no environment measured")
                + " on average (the mean of the per-environment bounds)");
        found.get()
                .comparisons()
                .forEach(c -> lines.add("  " + c.env() + ": " + Figures.gain(c.gain()) + " · " + c.status()));
        return lines;
    }

    /** Every ablation and transfer, for {@code history}: nothing when there are none. */
    static String trail(AuditTrail trail) {
        if (trail.audits().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nablations and transfer measurements\n");
        trail.audits().forEach(a -> sb.append(render(a)));
        return sb.toString();
    }

    /** One ablation or transfer as a JSON-ready map; gains as fractions with their 95% intervals. */
    static Map<String, Object> json(AuditTrail.Audit audit) {
        Map<String, Object> out = new LinkedHashMap<>();
        AuditStarted s = audit.started();
        boolean ablate = AuditStarted.ABLATE.equals(s.kind());
        out.put("audit", s.audit());
        out.put("kind", s.kind());
        if (ablate) {
            out.put("version", s.version());
        } else {
            out.put("initialVersion", s.good());
            out.put("finalVersion", s.bad());
            out.put("environments", s.envs());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (AuditCompared c : ablate ? audit.ranked() : audit.comparisons()) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (ablate) {
                row.put("rank", rank++);
                row.put("part", c.part());
                row.put("withoutVersion", c.baseVersion());
                row.put("contribution", gain(c.gain()));
                row.put("pruningCandidate", !c.better());
            } else {
                row.put("env", c.env());
                row.put("gain", gain(c.gain()));
            }
            row.put("status", c.status());
            rows.add(row);
        }
        out.put(ablate ? "parts" : "comparisons", rows);
        if (!ablate) {
            out.put("transfer", audit.transfer().map(AuditTables::gain).orElse(null));
        }
        out.put("finished", audit.finished() != null);
        out.put("verdict", audit.finished() == null ? null : audit.finished().verdict());
        return out;
    }

    static Map<String, Object> gain(GateDecided.Gain g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", g.items());
        out.put("mean", g.mean());
        out.put("low", g.low());
        out.put("high", g.high());
        return out;
    }
}
