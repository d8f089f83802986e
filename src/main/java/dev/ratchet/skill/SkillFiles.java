package dev.ratchet.skill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.text.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Skills on disk: {@code skills/<name>.md}, YAML front matter (name, description, trigger, tags,
 * version, provenance) and a Markdown body; or {@code skills/<name>/SKILL.md} in the Agent Skills
 * layout ({@link AgentSkills}). The log is the source of truth for every version; these
 * files are the starting library and the export of a campaign's result.
 *
 * <p>{@code version} is informational: a skill is identified by its content, so export writes the
 * content hash there and loading ignores it.
 */
public final class SkillFiles {

    /** Provenance of a skill written by a person; such skills do not count against the library cap. */
    public static final String HAND_WRITTEN = "hand-written";

    /** Prefix of the provenance of every skill a campaign promoted: these are the learned skills. */
    public static final String PROPOSED = "proposed";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("name", "description", "trigger", "tags", "version", "provenance");

    private SkillFiles() {}

    /** True when {@code name} can name a skill file: lower case, digits, '.', '_' and '-', at most 64. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether a campaign learned this skill (hand-written ones, even when modified, are not learned). */
    public static boolean learned(Skill skill) {
        return skill.provenance().startsWith(PROPOSED);
    }

    /** The starting library: prompt sections from {@code promptsDir}, skills from {@code skillsDir}. */
    public static Library loadLibrary(Path skillsDir, Path promptsDir) {
        return new Library(PromptSections.read(promptsDir), read(skillsDir));
    }

    /** Writes the library back: skills into {@code skillsDir}, sections into {@code promptsDir}. */
    public static void export(Library library, Path skillsDir, Path promptsDir) {
        write(library.skills(), skillsDir);
        PromptSections.write(library.sections(), promptsDir);
    }

    /**
     * Every skill in {@code dir} (none when it does not exist), sorted by name: each {@code <name>.md}
     * and each {@code <name>/SKILL.md} (the Agent Skills layout), so both can share one folder.
     */
    public static List<Skill> read(Path dir) {
        Map<String, Path> seen = new TreeMap<>();
        List<Skill> skills = new ArrayList<>();
        for (Path file : markdownFiles(dir)) {
            add(parse(file.toString(), readText(file)), file, seen, skills);
        }
        for (Path file : agentSkillFiles(dir)) {
            add(AgentSkills.parse(file.toString(), readText(file)), file, seen, skills);
        }
        return List.copyOf(new Library(List.of(), skills).skills());
    }

    private static void add(Skill skill, Path file, Map<String, Path> seen, List<Skill> skills) {
        Path other = seen.putIfAbsent(skill.name(), file);
        if (other != null) {
            throw new LibraryFileException(
                    file + ": name: '" + skill.name() + "' is also the skill in " + other + "; keep one of the two");
        }
        skills.add(skill);
    }

    /** The layout skill {@code name} has in {@code dir}: a folder with a {@code SKILL.md}, or else a single file. */
    public static SkillLayout layoutOf(Path dir, String name) {
        return Files.isRegularFile(dir.resolve(name).resolve(AgentSkills.FILE))
                ? SkillLayout.AGENT_SKILLS
                : SkillLayout.SINGLE_FILE;
    }

    /** The file that holds (or would hold) skill {@code name} in {@code dir}, in the layout it has there. */
    public static Path fileOf(Path dir, String name) {
        return layoutOf(dir, name) == SkillLayout.AGENT_SKILLS
                ? dir.resolve(name).resolve(AgentSkills.FILE)
                : dir.resolve(name + ".md");
    }

    /** Parses one skill file; {@code file} names it in error messages and must be {@code <name>.md}. */
    public static Skill parse(String file, String text) {
        FrontMatter fm = FrontMatter.parse(file, text);
        fm.onlyFields(FIELDS);
        String name = fm.requiredText("name");
        if (!validName(name)) {
            throw new LibraryFileException(fm.at("name") + ": name: '" + name
                    + "' must be lower case letters, digits, '.', '_' or '-' (at most 64)");
        }
        String stem = stem(Path.of(file).getFileName().toString());
        if (!stem.equals(name)) {
            throw new LibraryFileException(
                    fm.at("name") + ": name: '" + name + "' does not match the file name '" + stem + ".md'");
        }
        List<String> tags = fm.textList("tags");
        String trigger = fm.text("trigger");
        if ((trigger == null || trigger.isBlank()) && tags.isEmpty()) {
            throw new LibraryFileException(file + ": trigger: required (or give tags)");
        }
        fm.text("version");
        String provenance = fm.text("provenance");
        if (fm.body().isEmpty()) {
            throw new LibraryFileException(file + ": the skill has no body after its front matter");
        }
        return new Skill(
                name,
                fm.requiredText("description"),
                trigger == null ? "" : trigger.strip(),
                tags,
                fm.body(),
                provenance == null || provenance.isBlank() ? HAND_WRITTEN : provenance.strip());
    }

    /** The file text of a skill; {@link #parse} reads it back to an equal skill. */
    public static String render(Skill skill) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("name", skill.name());
        fields.put("description", skill.description());
        fields.put("trigger", skill.trigger());
        if (!skill.tags().isEmpty()) {
            skill.tags().forEach(fields.putArray("tags")::add);
        }
        fields.put("version", contentVersion(skill));
        fields.put("provenance", skill.provenance());
        return FrontMatter.render(fields, skill.body());
    }

    /**
     * Writes every skill into {@code dir}, each in the layout it already has there ({@code <name>.md}
     * when new), and removes the skills not given, so the directory holds exactly these skills.
     */
    public static void write(List<Skill> skills, Path dir) {
        SkillWriter.write(skills, dir, null);
    }

    /** As {@link #write(List, Path)}, with every skill in {@code layout} (a skill in the other one moves). */
    public static void write(List<Skill> skills, Path dir, SkillLayout layout) {
        SkillWriter.write(skills, dir, Objects.requireNonNull(layout, "layout"));
    }

    /** Writes the library back as {@link #export(Library, Path, Path)} does, every skill in {@code layout}. */
    public static void export(Library library, Path skillsDir, Path promptsDir, SkillLayout layout) {
        write(library.skills(), skillsDir, layout);
        PromptSections.write(library.sections(), promptsDir);
    }

    /** First 12 hex digits of SHA-256 over the skill's content (not its provenance). */
    public static String contentVersion(Skill skill) {
        Library alone = new Library(List.of(), List.of(skill));
        return sha256(alone.version()).substring(0, 12);
    }

    static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Every {@code <folder>/SKILL.md} in {@code dir}, sorted by folder; a folder without one is not a skill. */
    static List<Path> agentSkillFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(d -> d.resolve(AgentSkills.FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static String readText(Path file) {
        try {
            return StrictUtf8.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code names[i]} with {@code texts[i]} and deletes every other {@code *.md} in {@code dir}. */
    static void replaceMarkdown(Path dir, List<String> names, List<String> texts) {
        try {
            Files.createDirectories(dir);
            for (Path stale : markdownFiles(dir)) {
                if (!names.contains(stale.getFileName().toString())) {
                    Files.delete(stale);
                }
            }
            for (int i = 0; i < names.size(); i++) {
                Files.writeString(dir.resolve(names.get(i)), texts.get(i), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    static String stem(String fileName) {
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
