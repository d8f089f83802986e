package dev.ratchet.skill;

import java.util.Objects;

/** What applying an edit to a library gave: the new library, or why the edit does not apply. */
public sealed interface EditResult {

    /** The edit applied; {@code library} is the new version. */
    record Applied(Library library) implements EditResult {
        public Applied {
            Objects.requireNonNull(library, "library");
        }
    }

    /** The edit does not apply to this library (a domain outcome, not an error). */
    record Rejected(String reason) implements EditResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
