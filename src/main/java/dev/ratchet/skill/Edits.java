package dev.ratchet.skill;

import dev.ratchet.log.event.CandidateProposed.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a proposed edit to a library: add, modify or remove a skill, or replace the text of a
 * named prompt section. Pure: the input library is unchanged, and an edit that does not fit (an
 * unknown target, a missing field, no change at all) is a {@link EditResult.Rejected} value.
 */
public final class Edits {

    public static final String ADD_SKILL = "add-skill";
    public static final String MODIFY_SKILL = "modify-skill";
    public static final String REMOVE_SKILL = "remove-skill";
    public static final String EDIT_SECTION = "edit-section";
    public static final List<String> OPS = List.of(ADD_SKILL, MODIFY_SKILL, REMOVE_SKILL, EDIT_SECTION);

    private Edits() {}

    public static EditResult apply(Library library, Edit edit) {
        return apply(library, edit, SkillFiles.PROPOSED);
    }

    /** {@code provenance} is recorded on an added skill and appended to a modified one. */
    public static EditResult apply(Library library, Edit edit, String provenance) {
        EditResult result =
                switch (edit.op()) {
                    case ADD_SKILL -> add(library, edit, provenance);
                    case MODIFY_SKILL -> modify(library, edit, provenance);
                    case REMOVE_SKILL -> remove(library, edit);
                    case EDIT_SECTION -> editSection(library, edit);
                    default -> new EditResult.Rejected(
                            "unknown op '" + edit.op() + "' (expected one of " + String.join(", ", OPS) + ")");
                };
        if (result instanceof EditResult.Applied applied
                && applied.library().version().equals(library.version())) {
            return new EditResult.Rejected("the edit changes nothing");
        }
        return result;
    }

    private static EditResult add(Library library, Edit edit, String provenance) {
        if (!SkillFiles.validName(edit.target())) {
            return new EditResult.Rejected("'" + edit.target() + "' is not a valid skill name");
        }
        if (library.skill(edit.target()).isPresent()) {
            return new EditResult.Rejected("skill '" + edit.target() + "' already exists; use " + MODIFY_SKILL);
        }
        Optional<String> missing = firstBlank(edit);
        if (missing.isPresent()) {
            return new EditResult.Rejected(ADD_SKILL + " needs a " + missing.get());
        }
        Skill added = new Skill(
                edit.target(),
                edit.description().strip(),
                edit.trigger().strip(),
                edit.tags(),
                edit.content().strip(),
                provenance);
        List<Skill> skills = new ArrayList<>(library.skills());
        skills.add(added);
        return new EditResult.Applied(new Library(library.sections(), skills));
    }

    private static Optional<String> firstBlank(Edit edit) {
        if (blank(edit.description())) {
            return Optional.of("description");
        }
        if (blank(edit.trigger())) {
            return Optional.of("trigger");
        }
        if (blank(edit.content())) {
            return Optional.of("content");
        }
        return Optional.empty();
    }

    private static EditResult modify(Library library, Edit edit, String provenance) {
        Optional<Skill> old = library.skill(edit.target());
        if (old.isEmpty()) {
            return new EditResult.Rejected("no skill named '" + edit.target() + "' to modify");
        }
        Skill s = old.get();
        Skill changed = new Skill(
                s.name(),
                blank(edit.description()) ? s.description() : edit.description().strip(),
                blank(edit.trigger()) ? s.trigger() : edit.trigger().strip(),
                edit.tags().isEmpty() ? s.tags() : edit.tags(),
                blank(edit.content()) ? s.body() : edit.content().strip(),
                origin(s.provenance()) + "; modified: " + provenance);
        List<Skill> skills = new ArrayList<>(library.skills());
        skills.replaceAll(k -> k.name().equals(s.name()) ? changed : k);
        return new EditResult.Applied(new Library(library.sections(), skills));
    }

    /** The first part of a provenance, so repeated modifications do not grow it without bound. */
    private static String origin(String provenance) {
        int cut = provenance.indexOf(';');
        return cut < 0 ? provenance : provenance.substring(0, cut);
    }

    private static EditResult remove(Library library, Edit edit) {
        if (library.skill(edit.target()).isEmpty()) {
            return new EditResult.Rejected("no skill named '" + edit.target() + "' to remove");
        }
        List<Skill> skills = library.skills().stream()
                .filter(s -> !s.name().equals(edit.target()))
                .toList();
        return new EditResult.Applied(new Library(library.sections(), skills));
    }

    private static EditResult editSection(Library library, Edit edit) {
        if (library.section(edit.target()).isEmpty()) {
            return new EditResult.Rejected("no prompt section named '" + edit.target() + "' (sections: "
                    + String.join(
                            ", ",
                            library.sections().stream().map(PromptSection::name).toList()) + ")");
        }
        if (blank(edit.content())) {
            return new EditResult.Rejected(EDIT_SECTION + " needs the new section text as content");
        }
        List<PromptSection> sections = new ArrayList<>(library.sections());
        sections.replaceAll(s -> s.name().equals(edit.target())
                ? new PromptSection(s.name(), edit.content().strip())
                : s);
        return new EditResult.Applied(new Library(sections, library.skills()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
