package dev.ratchet.cli;

import dev.ratchet.model.Redactor;
import dev.ratchet.propose.SecretShapes;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.PromptSections;
import dev.ratchet.skill.Skill;
import dev.ratchet.skill.SkillFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials pasted into the library on disk. The static gate keeps them out of proposals; a
 * hand-written file is read as is, so here each one is named in a warning and masked with the
 * redactor that masks provider errors, before any prompt, log event or export holds it. Masking
 * at load rather than in the log keeps replay exact: the log holds the library the models saw.
 */
final class SecretScreen {

    private SecretScreen() {}

    static Library screen(Library library, Path skillsDir, Path promptsDir, PrintWriter err) {
        Map<String, Path> sectionFiles = PromptSections.files(promptsDir);
        List<PromptSection> sections = new ArrayList<>();
        for (PromptSection s : library.sections()) {
            Path file = sectionFiles.getOrDefault(s.name(), promptsDir);
            sections.add(masker(List.of(s.text()), file, err)
                    .map(r -> new PromptSection(s.name(), r.redactMessage(s.text())))
                    .orElse(s));
        }
        List<Skill> skills = new ArrayList<>();
        for (Skill s : library.skills()) {
            skills.add(masker(texts(s), SkillFiles.fileOf(skillsDir, s.name()), err)
                    .map(r -> masked(s, r))
                    .orElse(s));
        }
        return new Library(sections, skills);
    }

    private static List<String> texts(Skill s) {
        List<String> texts = new ArrayList<>(List.of(s.description(), s.trigger(), s.body()));
        texts.addAll(s.tags());
        return texts;
    }

    private static Skill masked(Skill s, Redactor r) {
        return new Skill(
                s.name(),
                r.redactMessage(s.description()),
                r.redactMessage(s.trigger()),
                s.tags().stream().map(r::redactMessage).toList(),
                r.redactMessage(s.body()),
                s.provenance());
    }

    /** A redactor for the credentials {@code texts} hold, after warning about {@code file}; none if clean. */
    private static Optional<Redactor> masker(List<String> texts, Path file, PrintWriter err) {
        List<String> values = new ArrayList<>();
        texts.forEach(t -> values.addAll(SecretShapes.values(t)));
        Redactor redactor = Redactor.of(values);
        if (texts.stream().allMatch(t -> t.equals(redactor.redactMessage(t)))) {
            return Optional.empty();
        }
        err.println("warning: " + file + ": looks like it holds "
                + SecretShapes.firstKind(texts).orElse("a credential") + "; it is masked as " + Redactor.MASK
                + " in prompts, the log and exports (remove it from the file)");
        err.flush();
        return Optional.of(redactor);
    }
}
