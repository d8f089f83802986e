package dev.ratchet.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.LibrarySnapshotted;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibrarySnapshotsTest {

    private static final Library LIBRARY = new Library(
            List.of(new PromptSection("role", "You solve tasks.")),
            List.of(
                    new Skill("b", "B.", "when b", List.of("x"), "Do b.", "proposed: i1-c2"),
                    new Skill("a", "A.", "when a", List.of(), "Do a.", SkillFiles.HAND_WRITTEN)));

    @Test
    void aSnapshotThroughTheCodecRebuildsTheSameLibrary() {
        LibrarySnapshotted snapshot = LibrarySnapshots.snapshot(LIBRARY, null);
        LibrarySnapshotted decoded =
                (LibrarySnapshotted) EventCodec.decode(snapshot.type().typeName(), 1, EventCodec.encode(snapshot));

        Library back = LibrarySnapshots.library(decoded);

        assertEquals(LIBRARY, back);
        assertEquals(LIBRARY.version(), decoded.version());
        assertNull(decoded.parentVersion());
    }

    @Test
    void aSnapshotWhoseContentDoesNotMatchItsVersionIsRefused() {
        LibrarySnapshotted forged = new LibrarySnapshotted(
                "0000000000000000",
                null,
                LibrarySnapshots.snapshot(LIBRARY, null).skills(),
                List.of());

        assertThrows(IllegalArgumentException.class, () -> LibrarySnapshots.library(forged));
    }
}
