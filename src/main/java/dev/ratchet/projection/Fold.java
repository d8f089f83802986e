package dev.ratchet.projection;

import dev.ratchet.log.event.Event;
import java.util.function.Consumer;

/**
 * A left fold over a campaign's events in log order. Read models are built in one pass so that a
 * long campaign is never held in memory whole: a reader feeds every event to several folds, then
 * asks each for its result.
 */
public interface Fold<R> extends Consumer<Event> {

    /** The read model for every event accepted so far. */
    R result();

    /** Feeds {@code events} to {@code fold} in order and returns its result. */
    static <R> R over(Iterable<? extends Event> events, Fold<R> fold) {
        for (Event e : events) {
            fold.accept(e);
        }
        return fold.result();
    }
}
