package dev.ratchet.skill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's named system-prompt sections on disk: {@code config/prompts/<NN>-<name>.md}. The
 * numeric prefix (or an {@code order} field in optional front matter) orders the sections; the name
 * is the file name without prefix and extension, and edits address a section by that name.
 */
public final class PromptSections {

    private static final Pattern PREFIXED = Pattern.compile("(\\d+)-(.+)");
    private static final Set<String> FIELDS = Set.of("order");

    private PromptSections() {}

    /** Every section file in {@code dir}, in prompt order (none when the directory does not exist). */
    public static List<PromptSection> read(Path dir) {
        List<Ordered> found = new ArrayList<>();
        for (Path file : SkillFiles.markdownFiles(dir)) {
            found.add(parse(file.toString(), SkillFiles.readText(file)));
        }
        found.sort(Comparator.comparingInt(Ordered::order)
                .thenComparing(o -> o.section().name()));
        Set<String> names = new HashSet<>();
        for (Ordered o : found) {
            if (!names.add(o.section().name())) {
                throw new LibraryFileException(
                        o.file() + ": section '" + o.section().name() + "' is defined by two files in " + dir);
            }
        }
        return found.stream().map(Ordered::section).toList();
    }

    /** The file that defines each section in {@code dir}, by section name, so messages can name it. */
    public static Map<String, Path> files(Path dir) {
        Map<String, Path> files = new TreeMap<>();
        for (Path file : SkillFiles.markdownFiles(dir)) {
            Matcher m = PREFIXED.matcher(SkillFiles.stem(file.getFileName().toString()));
            files.putIfAbsent(
                    m.matches()
                            ? m.group(2)
                            : SkillFiles.stem(file.getFileName().toString()),
                    file);
        }
        return files;
    }

    /** A section file and where it goes: files without a prefix or order field come last, by name. */
    static Ordered parse(String file, String text) {
        FrontMatter fm = FrontMatter.parse(file, text);
        fm.onlyFields(FIELDS);
        String stem = SkillFiles.stem(Path.of(file).getFileName().toString());
        Matcher m = PREFIXED.matcher(stem);
        String name = m.matches() ? m.group(2) : stem;
        Integer order = fm.integer("order");
        if (order == null) {
            order = m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        }
        if (!SkillFiles.validName(name)) {
            throw new LibraryFileException(
                    file + ": the section name '" + name + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        if (fm.body().isEmpty()) {
            throw new LibraryFileException(file + ": the section is empty");
        }
        return new Ordered(file, order, new PromptSection(name, fm.body()));
    }

    /** Writes {@code 10-<name>.md}, {@code 20-<name>.md}, ... and deletes other {@code *.md} files. */
    public static void write(List<PromptSection> sections, Path dir) {
        int width = String.valueOf(sections.size() * 10).length();
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            PromptSection s = sections.get(i);
            names.add(String.format("%0" + Math.max(2, width) + "d-%s.md", (i + 1) * 10, s.name()));
            // A text that itself starts with '---' would be mistaken for front matter: give it an empty one.
            String text = s.text().strip();
            texts.add(text.startsWith("---") ? "---\n---\n\n" + text + "\n" : text + "\n");
        }
        SkillFiles.replaceMarkdown(dir, names, texts);
    }

    record Ordered(String file, int order, PromptSection section) {}
}
