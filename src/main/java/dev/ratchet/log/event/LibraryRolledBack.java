package dev.ratchet.log.event;

import java.util.Objects;

/**
 * A person made an earlier library version the campaign's current one again, with a reason.
 * Nothing is deleted: the versions after it stay in the log, and a campaign that continues starts
 * its next iteration from {@code toVersion}. {@code iteration} is the iteration the campaign was in.
 */
public record LibraryRolledBack(String fromVersion, String toVersion, String reason, int iteration) implements Event {

    public LibraryRolledBack {
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(reason, "reason");
    }
}
