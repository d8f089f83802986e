package dev.ratchet.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One skill in the Agent Skills layout (agentskills.io): a folder {@code <name>/} holding {@code
 * SKILL.md}, whose front matter has {@code name} (the folder's name) and {@code description}, and
 * optional files beside it (scripts, references, assets) that Ratchet never reads, moves or deletes.
 * Ratchet's own fields travel under {@code metadata}, whose values the layout wants to be strings:
 * {@code trigger}, {@code tags} (comma-separated), {@code provenance} and {@code version}.
 *
 * <p>Other runtimes add fields of their own ({@code license}, {@code allowed-tools}, more metadata);
 * they are accepted, and kept when the file is written again, so adopting a campaign's library never
 * strips what another tool wrote there.
 */
final class AgentSkills {

    static final String FILE = "SKILL.md";

    /** Ratchet's keys under {@code metadata}. */
    private static final Set<String> OURS = Set.of("trigger", "tags", "provenance", "version");

    /** What the layout allows as a name: lower case letters and digits in hyphen-separated runs, at most 64. */
    private static final Pattern PORTABLE_NAME = Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*");

    private static final int MAX_DESCRIPTION = 1024;

    private AgentSkills() {}

    /** Whether other runtimes accept {@code name}: Ratchet also allows '.' and '_', the layout does not. */
    static boolean portableName(String name) {
        return PORTABLE_NAME.matcher(name).matches();
    }

    /**
     * Parses {@code <folder>/SKILL.md}; {@code file} names it in errors. Without a trigger in its
     * metadata a skill applies when its description says: in this layout the description is the trigger.
     */
    static Skill parse(String file, String text) {
        FrontMatter fm = FrontMatter.parse(file, text);
        if (fm.fields().isEmpty()) {
            throw new LibraryFileException(file + ": front matter with name and description is required"
                    + " (a '---' line, 'name: ...', 'description: ...', a '---' line, then the body)");
        }
        String name = fm.requiredText("name");
        if (!SkillFiles.validName(name)) {
            throw new LibraryFileException(fm.at("name") + ": name: '" + name
                    + "' must be lower case letters, digits, '.', '_' or '-' (at most 64;"
                    + " other runtimes accept only letters, digits and '-')");
        }
        Path parent = Path.of(file).getParent();
        String folder = parent == null ? "" : parent.getFileName().toString();
        if (!folder.equals(name)) {
            throw new LibraryFileException(
                    fm.at("name") + ": name: '" + name + "' does not match its folder '" + folder + "'");
        }
        String description = fm.requiredText("description");
        Metadata meta = metadata(fm);
        if (fm.body().isEmpty()) {
            throw new LibraryFileException(file + ": the skill has no body after its front matter");
        }
        String trigger = meta.trigger() == null ? description : meta.trigger().strip();
        return new Skill(
                name,
                description,
                trigger,
                meta.tags(),
                fm.body(),
                meta.provenance() == null || meta.provenance().isBlank()
                        ? SkillFiles.HAND_WRITTEN
                        : meta.provenance().strip());
    }

    private record Metadata(String trigger, List<String> tags, String provenance) {}

    private static Metadata metadata(FrontMatter fm) {
        JsonNode meta = fm.fields().get("metadata");
        if (meta == null || meta.isNull()) {
            return new Metadata(null, List.of(), null);
        }
        if (!meta.isObject()) {
            throw new LibraryFileException(fm.at("metadata") + ": metadata: expected a mapping of keys to text,"
                    + " e.g. {trigger: the task mentions a date}");
        }
        return new Metadata(
                metaText(fm, meta, "trigger"), tags(fm, meta.get("tags")), metaText(fm, meta, "provenance"));
    }

    private static String metaText(FrontMatter fm, JsonNode meta, String key) {
        JsonNode v = meta.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new LibraryFileException(fm.at("metadata") + ": metadata." + key + ": expected text");
        }
        return v.asText();
    }

    /** Tags as the layout's string ({@code "dates, format"}) or, leniently, a list. */
    private static List<String> tags(FrontMatter fm, JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> raw = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(item -> raw.add(item.isValueNode() ? item.asText() : ""));
        } else if (v.isValueNode()) {
            raw.addAll(List.of(v.asText().split(",", -1)));
        } else {
            throw new LibraryFileException(
                    fm.at("metadata") + ": metadata.tags: expected comma-separated text, e.g. \"dates, format\"");
        }
        List<String> tags = new ArrayList<>();
        for (String t : raw) {
            if (t.isBlank()) {
                throw new LibraryFileException(fm.at("metadata") + ": metadata.tags: every tag must be non-blank");
            }
            tags.add(t.strip());
        }
        return tags;
    }

    /**
     * The text of {@code <name>/SKILL.md}; {@code previous} is the file's current front matter (empty
     * when new), whose fields from other tools are carried over. {@link #parse} reads it back to an
     * equal skill.
     */
    static String render(Skill skill, ObjectNode previous) {
        if (skill.description().length() > MAX_DESCRIPTION) {
            throw new LibraryFileException(
                    skill.name() + ": description: " + skill.description().length()
                            + " characters; the Agent Skills layout allows at most " + MAX_DESCRIPTION);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("name", skill.name());
        fields.put("description", skill.description());
        for (Map.Entry<String, JsonNode> f : previous.properties()) {
            if (!Set.of("name", "description", "metadata").contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue());
            }
        }
        ObjectNode meta = fields.putObject("metadata");
        meta.put("trigger", skill.trigger());
        if (skill.tags().stream().anyMatch(t -> t.contains(","))) {
            // A comma inside a tag would split it on reading: such tags keep the list form.
            skill.tags().forEach(meta.putArray("tags")::add);
        } else if (!skill.tags().isEmpty()) {
            meta.put("tags", String.join(", ", skill.tags()));
        }
        meta.put("provenance", skill.provenance());
        meta.put("version", SkillFiles.contentVersion(skill));
        JsonNode old = previous.get("metadata");
        if (old != null && old.isObject()) {
            for (Map.Entry<String, JsonNode> f : old.properties()) {
                if (!OURS.contains(f.getKey())) {
                    meta.set(f.getKey(), f.getValue());
                }
            }
        }
        return FrontMatter.render(fields, skill.body());
    }

    /** The front matter of an existing {@code SKILL.md}, to carry other tools' fields over; empty if unreadable. */
    static ObjectNode previousFields(Path file) {
        try {
            return FrontMatter.parse(file.toString(), SkillFiles.readText(file)).fields();
        } catch (RuntimeException unreadable) {
            // A file we cannot parse is replaced whole, as a single-file skill is: nothing to keep.
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
