package dev.ratchet.propose;

import dev.ratchet.log.event.CandidateProposed.Edit;
import dev.ratchet.skill.EditResult;
import dev.ratchet.skill.Edits;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import dev.ratchet.skill.SkillFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a candidate before any episode runs it. Rules, in order: schema, applies, trigger, size,
 * library-cap, no-secrets, no-harness-instructions, distinct. The first rule that fails rejects the
 * candidate and is named in the verdict.
 */
public final class StaticGate {

    public static final List<String> RULES = List.of(
            "schema", "applies", "trigger", "size", "library-cap", "no-secrets", "no-harness-instructions", "distinct");

    /** Text aimed at the harness, the gate or specific tasks rather than at solving tasks. */
    private static final List<Named> HARNESS = List.of(
            new Named(
                    "overrides earlier instructions",
                    Pattern.compile("(?i)\\b(ignore|disregard|forget)\\s+(all\\s+|any\\s+|the\\s+)?"
                            + "(previous|prior|above|earlier|other|system)\\s+(instructions|rules|sections|prompts?)")),
            new Named(
                    "addresses the evaluation",
                    Pattern.compile("(?i)\\b(the|this|held-out|regression|static)\\s+gate\\b"
                            + "|\\b(held-out|the)\\s+probe\\b|\\bgrader\\b|\\bevaluator\\b|\\bharness\\b"
                            + "|\\bratchet\\b|\\bproposer\\b|\\bregression budget\\b|\\bconfirm split\\b"
                            + "|\\byou are being (tested|evaluated|graded)\\b|\\bbenchmark\\b")),
            new Named("names the task or episode id", Pattern.compile("(?i)\\b(task id|episode id|episode:)")),
            new Named("names a specific task instance", Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.()\\-,]+@\\d+/d\\d+")));

    private static final Set<String> GENERIC_TRIGGERS = Set.of(
            "always",
            "any",
            "any task",
            "all",
            "all tasks",
            "every task",
            "everything",
            "anything",
            "n/a",
            "none",
            "general",
            "in general");

    private final Limits limits;

    public StaticGate(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The caps the gate enforces: learned skills, characters per skill, characters per section. */
    public record Limits(int maxSkills, int maxSkillChars, int maxSectionChars) {}

    private record Named(String what, Pattern pattern) {}

    /**
     * Checks {@code edit} against {@code current}; {@code otherCandidates} are the versions of the
     * candidates already accepted this iteration, which a duplicate must not repeat.
     */
    public StaticVerdict check(Library current, Edit edit, String provenance, Set<String> otherCandidates) {
        Optional<String> schema = schema(edit);
        if (schema.isPresent()) {
            return new StaticVerdict.Failed("schema", schema.get());
        }
        EditResult result = Edits.apply(current, edit, provenance);
        if (result instanceof EditResult.Rejected rejected) {
            return new StaticVerdict.Failed("applies", rejected.reason());
        }
        Library next = ((EditResult.Applied) result).library();
        Optional<StaticVerdict.Failed> failed = firstFailure(next, edit, otherCandidates);
        return failed.isPresent() ? failed.get() : new StaticVerdict.Passed(RULES, next);
    }

    private Optional<StaticVerdict.Failed> firstFailure(Library next, Edit edit, Set<String> otherCandidates) {
        Optional<Skill> skill = isSkillEdit(edit) ? next.skill(edit.target()) : Optional.empty();
        if (skill.isPresent() && !meaningfulTrigger(skill.get().trigger())) {
            return fail(
                    "trigger",
                    "skill '" + edit.target() + "' needs a trigger saying when it applies, got '"
                            + skill.get().trigger() + "'");
        }
        Optional<String> size = size(next, edit, skill);
        if (size.isPresent()) {
            return fail("size", size.get());
        }
        long learned = next.skills().stream().filter(SkillFiles::learned).count();
        if (learned > limits.maxSkills()) {
            return fail(
                    "library-cap",
                    "the library would hold " + learned + " learned skills; the cap is " + limits.maxSkills()
                            + " (modify or remove one instead)");
        }
        Optional<String> secret = SecretShapes.firstKind(texts(edit));
        if (secret.isPresent()) {
            return fail("no-secrets", "the edit contains what looks like " + secret.get());
        }
        Optional<String> harness = firstMatch(HARNESS, edit);
        if (harness.isPresent()) {
            return fail("no-harness-instructions", "the edit " + harness.get());
        }
        if (otherCandidates.contains(next.version())) {
            return fail("distinct", "another candidate of this iteration already proposes library " + next.version());
        }
        return Optional.empty();
    }

    private static Optional<StaticVerdict.Failed> fail(String rule, String detail) {
        return Optional.of(new StaticVerdict.Failed(rule, detail));
    }

    private static Optional<String> schema(Edit edit) {
        if (!Edits.OPS.contains(edit.op())) {
            return Optional.of("op '" + edit.op() + "' is not one of " + String.join(", ", Edits.OPS));
        }
        if (edit.target().isBlank()) {
            return Optional.of("target is blank");
        }
        if (isSkillEdit(edit) && !SkillFiles.validName(edit.target())) {
            return Optional.of("'" + edit.target() + "' is not a valid skill name (lower case, digits, '.', '_', '-')");
        }
        if (edit.tags().stream().anyMatch(String::isBlank)) {
            return Optional.of("tags must not be blank");
        }
        return Optional.empty();
    }

    private Optional<String> size(Library next, Edit edit, Optional<Skill> skill) {
        if (skill.isPresent()) {
            Skill s = skill.get();
            int chars = s.description().length()
                    + s.trigger().length()
                    + s.body().length()
                    + String.join(",", s.tags()).length();
            if (chars > limits.maxSkillChars()) {
                return Optional.of(
                        "skill '" + s.name() + "' has " + chars + " characters; the cap is " + limits.maxSkillChars());
            }
        }
        if (Edits.EDIT_SECTION.equals(edit.op())) {
            int chars = next.section(edit.target()).orElseThrow().text().length();
            if (chars > limits.maxSectionChars()) {
                return Optional.of("section '" + edit.target() + "' has " + chars + " characters; the cap is "
                        + limits.maxSectionChars());
            }
        }
        return Optional.empty();
    }

    private static boolean meaningfulTrigger(String trigger) {
        String t = trigger.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
        return t.length() >= 3 && !GENERIC_TRIGGERS.contains(t);
    }

    private static boolean isSkillEdit(Edit edit) {
        return !Edits.EDIT_SECTION.equals(edit.op());
    }

    private static List<String> texts(Edit edit) {
        List<String> texts = new ArrayList<>();
        Stream.of(edit.target(), edit.description(), edit.trigger(), edit.content())
                .filter(Objects::nonNull)
                .forEach(texts::add);
        texts.addAll(edit.tags());
        return texts;
    }

    private static Optional<String> firstMatch(List<Named> patterns, Edit edit) {
        List<String> texts = texts(edit);
        for (Named n : patterns) {
            for (String text : texts) {
                if (n.pattern().matcher(text).find()) {
                    return Optional.of(n.what());
                }
            }
        }
        return Optional.empty();
    }
}
