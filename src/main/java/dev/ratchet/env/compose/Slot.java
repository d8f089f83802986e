package dev.ratchet.env.compose;

import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;

/**
 * One answer line of a composite task. A slot covers {@link #bases()} consecutive base
 * environments; a failure's {@code failedStep} is relative to the first of them.
 */
interface Slot {

    int bases();

    /** The canonical answer for this line. */
    String expected();

    /** The placeholder shown in the answer format, e.g. {@code <integer>}. */
    String placeholder();

    /** How such an answer is written, for the closing instruction. */
    String note();

    /** Checks the answer text for this line (already extracted from the reply). */
    Outcome check(String answer);

    /** An answer for this line that parses but fails. */
    String wrong(Rng rng);
}
