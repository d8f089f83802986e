package dev.ratchet.propose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.log.event.Json;
import dev.ratchet.skill.Edits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a proposer's answer: one JSON object, bare or in a {@code ```json} fence, validated against
 * the answer schema. The answer is the response's text or, from a provider that took the schema as
 * a forced tool call, the call's arguments. A malformed answer is a value carrying a message that
 * the retry shows the proposer.
 */
public final class ProposalParser {

    private static final Set<String> FIELDS =
            Set.of("op", "target", "description", "trigger", "tags", "content", "rationale");

    private ProposalParser() {}

    /** What parsing gave. */
    public sealed interface Result {}

    /** A well-formed proposal. */
    public record Parsed(Edit edit, String rationale) implements Result {
        public Parsed {
            Objects.requireNonNull(edit, "edit");
            Objects.requireNonNull(rationale, "rationale");
        }
    }

    /** Not usable; {@code problem} says why, in words the proposer can act on. */
    public record Malformed(String problem) implements Result {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * Parses a recorded response ({@code {"text", "toolCalls", "finishReason"}}). An answer cut off
     * at the output-token limit says so, since that, not the proposer's grasp of JSON, is then what
     * needs fixing.
     */
    public static Result parseResponse(JsonNode response) {
        Result r = parse(answer(response));
        if (r instanceof Malformed m
                && "length".equals(response.path("finishReason").asText())) {
            return new Malformed(m.problem() + " (the answer was cut off at the output-token limit,"
                    + " the proposer model's proposer.max_tokens)");
        }
        return r;
    }

    /**
     * The arguments of the response's call to {@link ProposalSchema#NAME} when it made one (a model
     * may say a sentence before the call), else its text.
     */
    public static String answer(JsonNode response) {
        for (JsonNode call : response.path("toolCalls")) {
            if (ProposalSchema.NAME.equals(call.path("name").asText())) {
                return call.path("arguments").asText();
            }
        }
        JsonNode text = response.get("text");
        return text == null || text.isNull() ? "" : text.asText();
    }

    public static Result parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return new Malformed("the answer is empty");
        }
        String json = extract(answer);
        if (json == null) {
            return new Malformed("no JSON object found in the answer");
        }
        JsonNode node;
        try {
            node = Json.CANONICAL.readTree(json);
        } catch (JsonProcessingException e) {
            return new Malformed("the JSON does not parse: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Malformed("the answer must be one JSON object");
        }
        return validate(node);
    }

    /** The fenced block if there is one, else the span from the first '{' to the last '}'. */
    static String extract(String answer) {
        String text = answer;
        int fence = text.indexOf("```");
        if (fence >= 0) {
            int start = text.indexOf('\n', fence);
            int end = start < 0 ? -1 : text.indexOf("```", start);
            if (end > start) {
                text = text.substring(start + 1, end);
            }
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        return open < 0 || close < open ? null : text.substring(open, close + 1);
    }

    private static Result validate(JsonNode node) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            return new Malformed("unknown field(s) "
                    + String.join(", ", unknown.stream().sorted().toList()) + "; the schema has "
                    + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        for (String field : List.of("op", "target", "description", "trigger", "content", "rationale")) {
            JsonNode v = node.get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                return new Malformed("'" + field + "' must be a string");
            }
        }
        String op = text(node, "op");
        if (op == null || !Edits.OPS.contains(op)) {
            return new Malformed("'op' must be one of " + String.join(", ", Edits.OPS));
        }
        if (text(node, "target") == null) {
            return new Malformed("'target' is required");
        }
        if (text(node, "rationale") == null) {
            return new Malformed("'rationale' is required");
        }
        List<String> tags = new ArrayList<>();
        String tagProblem = tags(node.get("tags"), tags);
        if (tagProblem != null) {
            return new Malformed(tagProblem);
        }
        Edit edit = new Edit(
                op,
                text(node, "target"),
                text(node, "description"),
                text(node, "trigger"),
                tags,
                text(node, "content"));
        String missing = missingFor(edit);
        return missing == null ? new Parsed(edit, text(node, "rationale")) : new Malformed(missing);
    }

    /** Reads {@code tags} into {@code out}; returns the problem, or null when they are well formed. */
    private static String tags(JsonNode t, List<String> out) {
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isArray()) {
            return "'tags' must be a list of strings";
        }
        for (JsonNode tag : t) {
            if (!tag.isTextual() || tag.asText().isBlank()) {
                return "'tags' must be a list of non-blank strings";
            }
            out.add(tag.asText().strip());
        }
        return null;
    }

    private static String missingFor(Edit e) {
        return switch (e.op()) {
            case Edits.ADD_SKILL -> e.description() == null || e.trigger() == null || e.content() == null
                    ? "add-skill needs description, trigger and content"
                    : null;
            case Edits.MODIFY_SKILL -> e.description() == null
                            && e.trigger() == null
                            && e.content() == null
                            && e.tags().isEmpty()
                    ? "modify-skill must change at least one of description, trigger, tags, content"
                    : null;
            case Edits.EDIT_SECTION -> e.content() == null
                    ? "edit-section needs the new section text as content"
                    : null;
            default -> null;
        };
    }

    /** A string field, stripped; null when absent, null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }
}
