package dev.ratchet.log.event;

import java.util.Objects;

/** A library version evaluated once on the confirm split: reported, never gating. */
public record ConfirmScored(int iteration, String libraryVersion, int passed, int total) implements Event {

    public ConfirmScored {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }
}
