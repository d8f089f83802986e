package dev.ratchet.model.simulated;

import java.util.List;
import java.util.SplittableRandom;

/** What the simulated agent writes when it does not give a parseable answer. */
final class Phrases {

    private static final List<String> REFUSALS = List.of(
            "I'm sorry, but I can't help with this request.",
            "I'm not able to assist with that. Is there something else I can help you with?",
            "I can't complete this task as it is stated.");

    private static final List<String> PROSE = List.of(
            "I worked through the task carefully. The result depends on each of the values given, and"
                    + " combining them step by step leads to the conclusion described above.",
            "Let me restate the problem to make sure I understand it: the task asks for a single result"
                    + " computed from the inputs, following the rule in the description.",
            "Here is my reasoning: start from the inputs, apply the rule the task describes, and keep track"
                    + " of the intermediate values. That completes the work.");

    private static final String WORKING = "Let me work through this step by step. First I restate what is given,"
            + " then I apply the rule one part at a time, checking every intermediate value against the"
            + " constraints in the task before moving on to the next part, and noting anything that could"
            + " change the result. Once every part is done I combine the partial results, compare them with"
            + " the expected form of the answer, and double-check the combination by repeating it in the"
            + " opposite order so that any slip becomes visible before I write the final";

    private Phrases() {}

    static String refusal(SplittableRandom random) {
        return REFUSALS.get(random.nextInt(REFUSALS.size()));
    }

    static String prose(SplittableRandom random) {
        return PROSE.get(random.nextInt(PROSE.size()));
    }

    /** Working that stops mid-sentence, cut near {@code chars} characters as a length limit would. */
    static String unfinished(SplittableRandom random, int chars) {
        int cut = Math.max(24, Math.min(WORKING.length(), chars - random.nextInt(8)));
        return WORKING.substring(0, cut);
    }
}
