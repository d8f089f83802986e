package dev.ratchet.report;

import static dev.ratchet.report.Html.escape;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.List;

/**
 * One episode as the agent lived it: every message of its conversation but the system prompt
 * (shown once per arm), each model answer and tool call, and the verified outcome. Everything in
 * it is untrusted text from a model or a task and is escaped.
 */
final class TranscriptHtml {

    private static final String SYSTEM = "system";

    private TranscriptHtml() {}

    /** The system prompt of the first call of either arm on the items shown, or null when none was recorded. */
    static String systemPrompt(List<DrillDown.Item> items, boolean baseline) {
        for (DrillDown.Item item : items) {
            for (Trace t : baseline ? item.baseline() : item.candidate()) {
                for (ModelCallRecorded c : t.calls()) {
                    for (CallText.Message m : CallText.messages(c.request())) {
                        if (m.role().equals(SYSTEM)) {
                            return m.text();
                        }
                    }
                }
            }
        }
        return null;
    }

    static void episode(Trace t, StringBuilder sb) {
        EpisodeScored e = t.episode();
        sb.append("<div class=\"episode outcome-").append(escape(e.outcome())).append("\">");
        sb.append("<div class=\"small\">sample ")
                .append(e.sample())
                .append(" · <strong>")
                .append(escape(e.outcome()));
        sb.append("</strong>");
        sb.append("none".equals(e.failureKind()) ? "" : " (" + escape(e.failureKind()) + ")");
        sb.append(e.failedStep() == null ? "" : " at step " + e.failedStep());
        sb.append(" · ").append(e.steps()).append(e.steps() == 1 ? " step" : " steps");
        sb.append(" · finish ").append(escape(e.finishReason())).append("</div>");
        for (int i = 0; i < t.calls().size(); i++) {
            // Each request repeats the conversation so far: the last one holds it whole.
            boolean last = i == t.calls().size() - 1;
            call(t.calls().get(i), last, sb);
        }
        if (t.calls().isEmpty()) {
            sb.append("<p class=\"muted\">The model calls of this episode are not in the log.</p>");
        }
        sb.append("<div class=\"msg msg-verified\"><span class=\"role\">answer scored</span><pre>");
        sb.append(escape(e.answer())).append("</pre></div></div>");
    }

    private static void call(ModelCallRecorded c, boolean last, StringBuilder sb) {
        if (last) {
            for (CallText.Message m : CallText.messages(c.request())) {
                if (!m.role().equals(SYSTEM)) {
                    message(m.role(), m.text(), sb);
                }
            }
        }
        String answer = CallText.responseText(c.response());
        if (c.response() == null) {
            message("failed", c.errorClass() == null ? "no response" : c.errorClass(), sb);
        } else if (last && answer != null) {
            message("assistant", answer, sb);
        }
        if (last) {
            CallText.toolCalls(c.response()).forEach(tool -> message("tool call", tool, sb));
        }
    }

    private static void message(String role, String text, StringBuilder sb) {
        sb.append("<div class=\"msg msg-")
                .append(escape(role.replace(' ', '-')))
                .append("\"><span class=\"role\">");
        sb.append(escape(role)).append("</span><pre>").append(escape(text)).append("</pre></div>");
    }
}
