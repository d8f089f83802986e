package dev.ratchet.skill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An immutable version of what the agent knows: prompt sections (in prompt order) and skills
 * (sorted by name, so the version does not depend on insertion order). The version is a content
 * hash, so equal libraries have equal versions on every machine.
 */
public record Library(List<PromptSection> sections, List<Skill> skills) {

    public Library {
        sections = List.copyOf(sections);
        List<Skill> sorted = new ArrayList<>(skills);
        sorted.sort(Comparator.comparing(Skill::name));
        skills = List.copyOf(sorted);
        for (int i = 1; i < skills.size(); i++) {
            if (skills.get(i).name().equals(skills.get(i - 1).name())) {
                throw new IllegalArgumentException(
                        "duplicate skill name: " + skills.get(i).name());
            }
        }
    }

    public static Library empty() {
        return new Library(List.of(), List.of());
    }

    public Optional<Skill> skill(String name) {
        return skills.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<PromptSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** First 16 hex digits of SHA-256 over a length-prefixed encoding of every field. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "ratchet.library.v1");
            for (PromptSection s : sections) {
                update(sha, "section");
                update(sha, s.name());
                update(sha, s.text());
            }
            for (Skill s : skills) {
                update(sha, "skill");
                update(sha, s.name());
                update(sha, s.description());
                update(sha, s.trigger());
                update(sha, String.join("\n", s.tags()));
                update(sha, s.body());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static void update(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {
            (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length
        });
        sha.update(bytes);
    }
}
