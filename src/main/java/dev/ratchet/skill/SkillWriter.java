package dev.ratchet.skill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a folder of skills in either layout. Everything is checked before the first file is
 * touched, so a skill the chosen layout cannot hold leaves the folder as it was. Files beside a
 * {@code SKILL.md} belong to whoever put them there and are never deleted; a removed skill's folder
 * goes only when nothing else is left in it.
 */
final class SkillWriter {

    private SkillWriter() {}

    /** {@code layout} null keeps each skill's present layout ({@code <name>.md} for a new one). */
    static void write(List<Skill> skills, Path dir, SkillLayout layout) {
        List<SkillLayout> targets = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Skill s : skills) {
            SkillLayout target = layout != null ? layout : SkillFiles.layoutOf(dir, s.name());
            if (target == SkillLayout.AGENT_SKILLS && layout != null && !AgentSkills.portableName(s.name())) {
                throw new LibraryFileException("skill '" + s.name() + "': the Agent Skills layout allows only lower"
                        + " case letters, digits and single '-' between them in a name; rename it, or apply it in"
                        + " the " + SkillLayout.SINGLE_FILE.label() + " layout");
            }
            targets.add(target);
            texts.add(
                    target == SkillLayout.AGENT_SKILLS
                            ? AgentSkills.render(s, previous(dir, s.name()))
                            : SkillFiles.render(s));
        }
        try {
            Files.createDirectories(dir);
            removeOthers(skills, targets, dir);
            for (int i = 0; i < skills.size(); i++) {
                Path file = targets.get(i) == SkillLayout.AGENT_SKILLS
                        ? Files.createDirectories(dir.resolve(skills.get(i).name()))
                                .resolve(AgentSkills.FILE)
                        : dir.resolve(skills.get(i).name() + ".md");
                Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    private static ObjectNode previous(Path dir, String name) {
        Path file = dir.resolve(name).resolve(AgentSkills.FILE);
        return Files.isRegularFile(file) ? AgentSkills.previousFields(file) : JsonNodeFactory.instance.objectNode();
    }

    /** Removes each skill file that is not one of {@code skills} in its target layout. */
    private static void removeOthers(List<Skill> skills, List<SkillLayout> targets, Path dir) throws IOException {
        Set<String> single = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            (targets.get(i) == SkillLayout.AGENT_SKILLS ? folders : single)
                    .add(skills.get(i).name());
        }
        for (Path stale : SkillFiles.markdownFiles(dir)) {
            if (!single.contains(SkillFiles.stem(stale.getFileName().toString()))) {
                Files.delete(stale);
            }
        }
        for (Path stale : SkillFiles.agentSkillFiles(dir)) {
            Path folder = stale.getParent();
            if (!folders.contains(folder.getFileName().toString())) {
                Files.delete(stale);
                if (isEmpty(folder)) {
                    Files.delete(folder);
                }
            }
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
