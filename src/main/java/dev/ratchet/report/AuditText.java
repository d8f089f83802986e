package dev.ratchet.report;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.projection.AuditTrail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-checks, bisections and rollbacks as text (for the commands and {@code history}) and as JSON.
 * Any audit renders under its own kind's header; ablations and transfers have fuller tables of
 * their own in the commands that run them.
 */
public final class AuditText {

    private AuditText() {}

    /** One audit: a header, one line per comparison, and its verdict (or that it is unfinished). */
    public static String render(AuditTrail.Audit audit) {
        StringBuilder sb = new StringBuilder();
        AuditStarted s = audit.started();
        sb.append(s.audit()).append(": ").append(header(s)).append('\n');
        for (AuditCompared c : audit.comparisons()) {
            sb.append("  ").append(line(s.kind(), c)).append('\n');
        }
        sb.append(
                audit.finished() == null
                        ? "  unfinished: run the same command again to finish it\n"
                        : "  " + audit.finished().verdict() + "\n");
        return sb.toString();
    }

    /** What an audit of this kind measures, in a phrase. */
    static String header(AuditStarted s) {
        return switch (s.kind()) {
            case AuditStarted.RECHECK -> "every promotion against the version it was promoted from, on fresh items";
            case AuditStarted.ABLATE -> "every learned part of " + Figures.shortVersion(s.version())
                    + " left out in turn, against the full library on fresh items";
            case AuditStarted.TRANSFER -> "final library " + Figures.shortVersion(s.bad()) + " against initial "
                    + Figures.shortVersion(s.good()) + " on environments the campaign did not train on";
            default -> "bisection from " + Figures.shortVersion(s.good()) + " (good) to "
                    + Figures.shortVersion(s.bad()) + " (bad) on " + (s.env() == null ? "the whole mix" : s.env());
        };
    }

    /** One comparison, named by what it compares: a promotion, a bisection step, a part or an environment. */
    static String line(String kind, AuditCompared c) {
        String who = AuditStarted.ABLATE.equals(kind)
                ? "without " + c.part()
                : AuditStarted.TRANSFER.equals(kind)
                        ? c.env()
                        : c.candidateId() != null
                                ? c.candidateId() + " (iteration " + c.iteration() + ")"
                                : "step " + (c.step() + 1);
        String claimed = c.claimed() == null ? "" : "claimed " + Figures.gain(c.claimed()) + " · ";
        return who + " " + Figures.shortVersion(c.baseVersion()) + " -> " + Figures.shortVersion(c.version())
                + ": " + claimed + "measured " + Figures.gain(c.gain()) + " · " + c.status()
                + (c.worse() && c.candidateId() != null ? " · FLAGGED" : "");
    }

    /** A rollback as one line. */
    public static String rollback(LibraryRolledBack r) {
        return "rolled back " + Figures.shortVersion(r.fromVersion()) + " -> " + Figures.shortVersion(r.toVersion())
                + " after iteration " + r.iteration() + ": " + r.reason();
    }

    /** Every audit and rollback, for {@code history}: nothing when there are none. */
    public static String trail(AuditTrail trail) {
        if (trail.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nsince the campaign's decisions\n");
        trail.rollbacks().forEach(r -> sb.append(rollback(r)).append('\n'));
        trail.audits().forEach(a -> sb.append(render(a)));
        return sb.toString();
    }

    /** One audit as a JSON-ready map: every comparison's gains as fractions, with their intervals. */
    public static Map<String, Object> json(AuditTrail.Audit audit) {
        Map<String, Object> out = new LinkedHashMap<>();
        AuditStarted s = audit.started();
        out.put("audit", s.audit());
        out.put("kind", s.kind());
        out.put("good", s.good());
        out.put("bad", s.bad());
        out.put("env", s.env());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditCompared c : audit.comparisons()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", c.step());
            row.put("iteration", c.iteration());
            row.put("candidateId", c.candidateId());
            row.put("baseVersion", c.baseVersion());
            row.put("version", c.version());
            row.put("claimed", gain(c.claimed()));
            row.put("measured", gain(c.gain()));
            row.put("status", c.status());
            row.put("flagged", c.worse());
            rows.add(row);
        }
        out.put("comparisons", rows);
        out.put("finished", audit.finished() != null);
        out.put("version", audit.finished() == null ? null : audit.finished().version());
        out.put("verdict", audit.finished() == null ? null : audit.finished().verdict());
        return out;
    }

    private static Map<String, Object> gain(GateDecided.Gain g) {
        if (g == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", g.items());
        out.put("mean", g.mean());
        out.put("low", g.low());
        out.put("high", g.high());
        return out;
    }
}
