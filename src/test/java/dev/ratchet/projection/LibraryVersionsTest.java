package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.LibrarySnapshotted;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryVersionsTest {

    private final LibraryVersions versions = LibraryVersions.of(SyntheticCampaign.events());

    @Test
    void every_snapshotted_version_is_kept_with_its_content() {
        assertEquals(3, versions.versions().size());
        LibrarySnapshotted current = versions.resolve("current").orElseThrow();
        assertEquals(versions.current(), current.version());
        assertEquals(
                List.of("carry-digits", "units"),
                current.skills().stream()
                        .map(LibrarySnapshotted.SkillRecord::name)
                        .toList());
        assertEquals(
                "Answer with the value only, no words.",
                current.sections().get(1).text());
        assertEquals(SyntheticCampaign.initialLibrary().version(), versions.initial());
    }

    @Test
    void versions_resolve_by_alias_full_id_or_unique_prefix() {
        String second = versions.versions().get(1).version();
        assertEquals(second, versions.resolve(second).orElseThrow().version());
        assertEquals(
                second, versions.resolve(second.substring(0, 6)).orElseThrow().version());
        assertEquals(
                versions.initial(), versions.resolve("initial").orElseThrow().version());
        assertTrue(versions.resolve("ffffffffffff").isEmpty());
    }

    @Test
    void an_ambiguous_prefix_is_refused_naming_the_matches() {
        LibraryVersions twins = new LibraryVersions(
                List.of(
                        new LibrarySnapshotted("abcd1111", null, List.of(), List.of()),
                        new LibrarySnapshotted("abcd2222", null, List.of(), List.of())),
                "abcd1111",
                "abcd2222");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> twins.resolve("abcd"));
        assertTrue(e.getMessage().contains("abcd1111, abcd2222"));
    }
}
