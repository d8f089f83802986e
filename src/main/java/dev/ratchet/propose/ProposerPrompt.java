package dev.ratchet.propose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposer's request for one cluster. The system message holds the instructions and the answer
 * schema; the user message a narrative of the failures followed by a fenced JSON context block in
 * the shared protocol (cluster, regime, environments, failing, passing, library, sections,
 * doNotRegress), which simulated proposers read.
 */
public final class ProposerPrompt {

    static final String SYSTEM =
            """
            You improve an agent that solves exactly checkable tasks. You are shown one cluster of its \
            failures: tasks of one environment that failed the same way, next to tasks of the same \
            environment that passed. Propose ONE edit to the agent's skill library or to one named \
            section of its system prompt.

            Rules:
            - Narrow, triggered rules beat generic advice. A skill states exactly when it applies (its \
            trigger) and what to do then; "be careful" or "double-check" helps no one.
            - Compare the failing and the passing traces: fix what differs and keep what works. The \
            tasks listed in doNotRegress pass today and must still pass after your edit.
            - A skill whose record shows regressions is a candidate to modify or remove.
            - Address the agent, never its evaluation: no mention of tests, graders, the gate or \
            specific task ids, and no keys, passwords or other secrets.

            Answer with ONE JSON object and nothing else:
            {"op": "add-skill" | "modify-skill" | "remove-skill" | "edit-section",
             "target": "<skill name, lower-case-with-dashes, or section name>",
             "description": "<one line: what the skill does>",
             "trigger": "<when the skill applies>",
             "tags": ["<tag>"],
             "content": "<the skill body in Markdown, or the complete new text of the section>",
             "rationale": "<why this fixes the cluster without regressing the passing tasks>"}
            add-skill needs description, trigger and content; modify-skill gives only the fields it \
            changes; remove-skill needs target and rationale; edit-section needs the whole new text \
            as content.""";

    private static final int MAX_PROMPT_CHARS = 800;

    /** Indented with '\n' on every platform, so the request (and its hash) is the same everywhere. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ProposerPrompt() {}

    public static ChatRequest request(ProposerInput input) {
        return ChatRequest.builder()
                .messages(
                        SystemMessage.from(SYSTEM + "\nA skill's content must stay under " + input.maxSkillChars()
                                + " characters."),
                        UserMessage.from(narrative(input) + "\n```json\n" + contextJson(input) + "\n```"))
                .build();
    }

    /** The same request, followed by the malformed answer and what was wrong with it: one more try. */
    public static ChatRequest retry(ChatRequest first, String malformedAnswer, String problem) {
        List<ChatMessage> messages = new ArrayList<>(first.messages());
        messages.add(AiMessage.from(malformedAnswer.isEmpty() ? "(empty answer)" : malformedAnswer));
        messages.add(UserMessage.from("That answer cannot be used: " + problem
                + ". Answer again with ONE JSON object that follows the schema, and nothing else."));
        return ChatRequest.builder().messages(messages).build();
    }

    static String narrative(ProposerInput in) {
        FailureClusters.Cluster c = in.cluster();
        StringBuilder b = new StringBuilder();
        b.append("Iteration ")
                .append(in.iteration())
                .append(". Cluster: ")
                .append(c.label())
                .append(". ");
        b.append(c.failures().size()).append(" of the ").append(in.environmentEpisodes());
        b.append(" batch tasks of ")
                .append(c.envId())
                .append(" failed as ")
                .append(c.regime())
                .append(".\n\n");
        b.append("Failing tasks:\n");
        for (ProposerInput.FailingTrace f : in.failing()) {
            b.append("\n### ")
                    .append(f.instanceId())
                    .append('\n')
                    .append(clip(f.prompt()))
                    .append('\n');
            b.append("Agent answered: ").append(clip(f.answer())).append('\n');
            b.append("Expected: ").append(clip(f.expected())).append('\n');
        }
        b.append("\nPassing tasks of the same environment:\n");
        if (in.passing().isEmpty()) {
            b.append("(none in this batch)\n");
        }
        for (ProposerInput.PassingTrace p : in.passing()) {
            b.append("\n### ")
                    .append(p.instanceId())
                    .append('\n')
                    .append(clip(p.prompt()))
                    .append('\n');
            b.append("Agent answered: ").append(clip(p.answer())).append('\n');
        }
        b.append("\nThe library holds ").append(in.library().size()).append(" skills; the prompt sections are: ");
        b.append(String.join(", ", in.sections())).append(".\n");
        if (!in.rejected().isEmpty()) {
            b.append("\nEdits this campaign already rejected (do not resubmit one unchanged):\n");
            in.rejected().forEach(r -> b.append("- ").append(r).append('\n'));
        }
        b.append("The same context as JSON (library: each skill's fixes and regressions when promoted):\n");
        return b.toString();
    }

    /** The context block of the shared proposer protocol. */
    public static String contextJson(ProposerInput in) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("cluster", in.cluster().label());
        root.put("regime", in.cluster().regime());
        root.putArray("environments").add(in.cluster().envId());
        ArrayNode failing = root.putArray("failing");
        for (ProposerInput.FailingTrace t : in.failing()) {
            failing.addObject()
                    .put("instanceId", t.instanceId())
                    .put("envId", t.envId())
                    .put("regime", t.regime())
                    .put("answer", t.answer())
                    .put("expected", t.expected());
        }
        ArrayNode passing = root.putArray("passing");
        for (ProposerInput.PassingTrace t : in.passing()) {
            passing.addObject()
                    .put("instanceId", t.instanceId())
                    .put("envId", t.envId())
                    .put("answer", t.answer());
        }
        ArrayNode library = root.putArray("library");
        for (ProposerInput.SkillStanding s : in.library()) {
            library.addObject()
                    .put("name", s.name())
                    .put("trigger", s.trigger())
                    .put("fixes", s.fixes())
                    .put("regressions", s.regressions());
        }
        in.sections().forEach(root.putArray("sections")::add);
        in.doNotRegress().forEach(root.putArray("doNotRegress")::add);
        if (!in.rejected().isEmpty()) {
            in.rejected().forEach(root.putArray("rejected")::add);
        }
        try {
            return Json.CANONICAL.writer(PRETTY).writeValueAsString(Json.frozen(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String text) {
        String t = text.strip();
        return t.length() <= MAX_PROMPT_CHARS ? t : t.substring(0, MAX_PROMPT_CHARS) + " [...]";
    }
}
