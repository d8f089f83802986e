package dev.ratchet.model.simulated;

import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the library back out of a system prompt laid out as {@code ## <section>} blocks followed by
 * {@code ## Skills} and {@code ### Skill: <name>} / {@code When: <trigger>} / body blocks. The
 * simulated agent knows only what its prompt says, like a real model.
 */
final class PromptReader {

    private static final String SECTION = "## ";
    private static final String SKILLS = "## Skills";
    private static final String SKILL = "### Skill: ";
    private static final String WHEN = "When: ";

    private PromptReader() {}

    static Library read(String systemPrompt) {
        List<PromptSection> sections = new ArrayList<>();
        Map<String, Skill> skills = new LinkedHashMap<>();
        String heading = null;
        List<String> block = new ArrayList<>();
        for (String line : (systemPrompt + "\n" + SECTION).split("\n", -1)) {
            boolean boundary = line.startsWith(SKILL) || (line.startsWith(SECTION) && !line.startsWith("###"));
            if (!boundary) {
                block.add(line);
                continue;
            }
            if (heading != null) {
                close(heading, block, sections, skills);
            }
            heading = line;
            block = new ArrayList<>();
        }
        return new Library(sections, new ArrayList<>(skills.values()));
    }

    private static void close(
            String heading, List<String> block, List<PromptSection> sections, Map<String, Skill> skills) {
        if (heading.startsWith(SKILL)) {
            String name = heading.substring(SKILL.length()).strip();
            String trigger = "";
            List<String> body = block;
            if (!block.isEmpty() && block.get(0).startsWith(WHEN)) {
                trigger = block.get(0).substring(WHEN.length()).strip();
                body = block.subList(1, block.size());
            }
            skills.putIfAbsent(
                    name,
                    new Skill(
                            name,
                            "",
                            trigger,
                            List.of(),
                            String.join("\n", body).strip(),
                            ""));
        } else if (!heading.equals(SKILLS)) {
            String name = heading.substring(SECTION.length()).strip();
            sections.add(new PromptSection(name, String.join("\n", block).strip()));
        }
    }
}
