package dev.ratchet.campaign;

import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learned parts of a library, each with the library left without it, for leave-one-out
 * ablation. A part is what the campaign changed from its starting library: a skill it added (left
 * out: removed), a skill it rewrote (left out: restored to its starting text), a prompt section it
 * added (removed) or edited (restored). Skills come first, by name, then sections in prompt order.
 * Skills and sections the campaign removed are not parts: they are not in the library to leave out.
 */
final class AblationParts {

    private AblationParts() {}

    /** One learned part: its label ({@code skill:NAME} or {@code section:NAME}) and the library without it. */
    record Part(String label, Library without) {}

    static final String SKILL = "skill:";
    static final String SECTION = "section:";

    static List<Part> of(Library start, Library full) {
        List<Part> parts = new ArrayList<>();
        for (Skill s : full.skills()) {
            Optional<Skill> before = start.skill(s.name());
            if (before.isEmpty() || !sameContent(before.get(), s)) {
                List<Skill> skills = new ArrayList<>(full.skills());
                skills.remove(s);
                before.ifPresent(skills::add);
                parts.add(new Part(SKILL + s.name(), new Library(full.sections(), skills)));
            }
        }
        for (PromptSection s : full.sections()) {
            Optional<PromptSection> before = start.section(s.name());
            if (before.isEmpty() || !before.get().text().equals(s.text())) {
                List<PromptSection> sections = new ArrayList<>();
                for (PromptSection other : full.sections()) {
                    // Section names are unique in a library, so the name picks out this section.
                    if (!other.name().equals(s.name())) {
                        sections.add(other);
                    } else {
                        before.ifPresent(sections::add);
                    }
                }
                parts.add(new Part(SECTION + s.name(), new Library(sections, full.skills())));
            }
        }
        return List.copyOf(parts);
    }

    /** Equal as the agent sees them: provenance is bookkeeping, not content. */
    private static boolean sameContent(Skill a, Skill b) {
        return a.description().equals(b.description())
                && a.trigger().equals(b.trigger())
                && a.tags().equals(b.tags())
                && a.body().equals(b.body());
    }
}
