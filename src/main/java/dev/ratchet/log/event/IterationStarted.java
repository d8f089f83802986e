package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/** An iteration began with this library version on this training batch (instance ids in run order). */
public record IterationStarted(int iteration, String libraryVersion, List<String> batch) implements Event {

    public IterationStarted {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        batch = List.copyOf(batch);
    }
}
