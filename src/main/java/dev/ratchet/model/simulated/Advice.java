package dev.ratchet.model.simulated;

import dev.ratchet.env.ValueType;
import java.util.List;
import java.util.Locale;

/**
 * The words of the simulator's catalogue: real-looking skill names and advice an engineer could
 * have written. The catalogue decides what each text truly does; this class only phrases it.
 */
final class Advice {

    private Advice() {}

    /** A skill's name suffix, one-line description and body. */
    record Text(String phrase, String description, String body) {}

    /** A prompt-section text with its true effect, for {@code edit-section} proposals. */
    record SectionText(String description, String text, List<Effect.Term> terms) {}

    static Text helpful(FailureMode mode, ValueType outputType, String envId) {
        return switch (mode) {
            case FORMAT -> new Text(
                    "final-answer-on-last-line",
                    "Put the final " + envId + " answer alone on the last line",
                    "End the reply with the final answer alone on the last line, written exactly in the format"
                            + " the task states: no label, no units unless asked, no closing sentence after it.");
            case TRUNCATION -> new Text(
                    "keep-the-working-short",
                    "Keep the working for " + envId + " tasks to a few lines",
                    "Keep the working to a few short lines and write the final answer as soon as it is known."
                            + " Long restatements of the task use up the reply before the answer is written.");
            case REFUSAL -> new Text(
                    "answer-routine-exercises-directly",
                    "Answer " + envId + " tasks instead of declining them",
                    "These tasks are routine, self-contained exercises with nothing sensitive in them. Answer"
                            + " them directly instead of declining or asking for clarification.");
            case TOOL_MISUSE -> new Text(
                    "call-only-listed-tools",
                    "Call only the tools that " + envId + " tasks list",
                    "Call only the tools listed for the task, by their exact names, and pass the argument as a"
                            + " JSON object with exactly the documented field. Never invent a tool.");
            case STEP_LIMIT -> new Text(
                    "stop-calling-tools-once-confirmed",
                    "Stop calling tools once an answer to " + envId + " is confirmed",
                    "Use a tool at most twice. As soon as a tool result confirms a value, stop calling tools and"
                            + " write the final answer.");
            case WRONG_VALUE -> valueAdvice(outputType, envId);
        };
    }

    private static Text valueAdvice(ValueType type, String envId) {
        String description = "Check " + envId + " values before answering";
        return switch (type) {
            case INTEGER -> new Text(
                    "recompute-before-answering",
                    description,
                    "Compute the result a second time by a different route, for example by working backwards"
                            + " from the answer to the inputs. If the two results differ, redo the step where they"
                            + " first disagree rather than picking one.");
            case DECIMAL -> new Text(
                    "round-only-at-the-end",
                    description,
                    "Keep full precision in every intermediate value and round only the final result, to"
                            + " exactly the number of decimal places the task asks for. Rounding early shifts the"
                            + " last digit.");
            case BOOLEAN -> new Text(
                    "look-for-a-counterexample",
                    description,
                    "Before answering true or false, look for one counterexample to the claim. Answer true only"
                            + " if a systematic check finds none; a single counterexample makes it false.");
            case STRING -> new Text(
                    "rebuild-the-string-stepwise",
                    description,
                    "Build the answer one transformation at a time, writing out the intermediate string after"
                            + " each step, and compare the final string character by character with the rule.");
            case INT_LIST, STRING_LIST -> new Text(
                    "check-length-and-order",
                    description,
                    "After producing the list, check that it has the number of elements the rule implies, that"
                            + " every element satisfies the rule, and that each adjacent pair is in the required"
                            + " order; fix the first pair that is not.");
            case DATE -> new Text(
                    "count-real-month-lengths",
                    description,
                    "Count days month by month using each month's real length: 30 or 31, and 28 or 29 for"
                            + " February (leap years are divisible by 4, except centuries not divisible by 400)."
                            + " Write the intermediate dates down.");
            case GRAPH -> new Text(
                    "trace-edges-explicitly",
                    description,
                    "List the edges you use, one per line, and check each against the given edge list before"
                            + " combining them. Never assume an edge exists because it would be convenient.");
            case TABLE -> new Text(
                    "filter-rows-before-aggregating",
                    description,
                    "Select the rows that match every condition first and list them; only then aggregate."
                            + " Re-check each listed row against each condition once.");
        };
    }

    static Text harmful(FailureMode mode, String envId) {
        if (mode == FailureMode.FORMAT) {
            return new Text(
                    "answer-in-a-full-sentence",
                    "Answer " + envId + " tasks in a full sentence",
                    "Always answer " + envId + " tasks in a complete sentence that restates the question, such"
                            + " as 'After working it out, the result is ...', so that the reader has context.");
        }
        return new Text(
                "estimate-then-answer",
                "Answer " + envId + " tasks from a quick estimate",
                "Save effort on " + envId + " tasks: estimate the result from the first few inputs and answer"
                        + " right away. Recomputing rarely changes the answer.");
    }

    static Text neutral(int variant, String envId) {
        if (variant % 2 == 0) {
            return new Text(
                    "read-the-task-twice",
                    "Read " + envId + " tasks twice",
                    "Read the " + envId + " task statement twice before starting, and take a moment to note"
                            + " which inputs are given.");
        }
        return new Text(
                "stay-methodical",
                "Approach " + envId + " tasks methodically",
                "Approach " + envId + " tasks methodically and stay calm when a task looks long: every task"
                        + " has one definite answer.");
    }

    static Text mixed(int variant, String envId, String otherId) {
        if (variant % 2 == 0) {
            return new Text(
                    "normalize-inputs-first",
                    "Normalize every input before solving",
                    "Before solving, rewrite every input into one canonical form (lower-case text, plain"
                            + " numbers, sorted where order does not seem to matter) and work only with the"
                            + " rewritten inputs. Do this for " + envId + " tasks and for " + otherId
                            + " tasks alike.");
        }
        return new Text(
                "reuse-the-" + slug(otherId) + "-method",
                "Solve " + envId + " tasks the way " + otherId + " tasks are solved",
                "Solve " + envId + " tasks with the method that works for " + otherId + " tasks: reduce the"
                        + " task to one intermediate list, process it in order, and report the last value."
                        + " Use the same shortcut on " + otherId + " tasks that look similar.");
    }

    static List<SectionText> sections() {
        return List.of(
                new SectionText(
                        "State the answer format once for every task",
                        "Give the final answer alone on the last line, in exactly the format the task states."
                                + " Put any working above it, never after it.",
                        List.of(new Effect.Term(Effect.EVERY_ENVIRONMENT, FailureMode.FORMAT.label(), 0.8))),
                new SectionText(
                        "Say that every task may be answered",
                        "Every task you receive is a routine, self-contained exercise. Answer it directly; do"
                                + " not decline or ask for clarification.",
                        List.of(new Effect.Term(Effect.EVERY_ENVIRONMENT, FailureMode.REFUSAL.label(), 1.5))),
                new SectionText(
                        "Ask for full reasoning",
                        "Explain your reasoning in full detail: restate every input, justify every"
                                + " intermediate step, and only then give the answer.",
                        List.of(new Effect.Term(Effect.EVERY_ENVIRONMENT, FailureMode.TRUNCATION.label(), -1.2))),
                new SectionText("Set a courteous tone", "Be courteous and professional in every reply.", List.of()),
                new SectionText(
                        "Ask for the bare value only",
                        "Answer with the final value only, as quickly as possible, and skip any working.",
                        List.of(
                                new Effect.Term(Effect.EVERY_ENVIRONMENT, FailureMode.FORMAT.label(), 1.0),
                                new Effect.Term(Effect.EVERY_ENVIRONMENT, FailureMode.WRONG_VALUE.label(), -0.5))));
    }

    /** When a skill written for {@code envId} applies. */
    static String trigger(String envId, String description) {
        String task = description.strip();
        if (task.length() > 90) {
            task = task.substring(0, 90).strip() + "...";
        }
        return task.isEmpty() ? "When solving " + envId + " tasks" : "When solving " + envId + " tasks (" + task + ")";
    }

    static String slug(String id) {
        String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
