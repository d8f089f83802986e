package dev.ratchet.propose;

import dev.ratchet.env.FailureKind;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.FailureClassified;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assigns every failing episode one regime: the first detector, in priority order, that matches.
 * Code rather than a model, so a replay classifies exactly alike.
 *
 * <p>The order is infrastructure, truncation, refusal, tool misuse (step limit, unknown tool, bad
 * arguments), format, wrong step, wrong value. Truncated and refused answers are usually also unparseable, and calling them format
 * failures would send the proposer after the wrong fix, so they are detected before format.
 */
public final class FailureDetectors {

    /** One detector: a name and a test that yields a detail when it matches. */
    record Detector(String name, Regime regime, Function<EpisodeScored, Optional<String>> test) {}

    private static final List<String> REFUSAL_OPENINGS = List.of(
            "i'm sorry",
            "i am sorry",
            "sorry,",
            "i can't",
            "i cannot",
            "i can not",
            "i won't",
            "i will not",
            "i'm unable",
            "i am unable",
            "i'm not able",
            "i am not able",
            "as an ai",
            "i apologize",
            "unfortunately, i");

    private static final List<Detector> DETECTORS = List.of(
            new Detector("provider-failure", Regime.INFRASTRUCTURE, FailureDetectors::infrastructure),
            new Detector(
                    "finish-length",
                    Regime.TRUNCATION,
                    e -> when("length".equals(e.finishReason()), "the answer was cut off at the token limit")),
            new Detector(
                    "content-filter",
                    Regime.REFUSAL,
                    e -> when(
                            "content-filter".equals(e.finishReason()),
                            "the provider's content filter stopped the answer")),
            new Detector("refusal-phrase", Regime.REFUSAL, FailureDetectors::refusal),
            new Detector(
                    "step-limit",
                    Regime.TOOL_MISUSE,
                    e -> when(
                            FailureKind.STEP_LIMIT.label().equals(e.failureKind()),
                            "no answer within the step limit (" + e.steps() + " steps)")),
            new Detector(
                    "unknown-tool",
                    Regime.TOOL_MISUSE,
                    e -> when(
                            FailureKind.UNKNOWN_TOOL.label().equals(e.failureKind()),
                            "called a tool the task does not offer (step " + e.steps() + ")")),
            new Detector(
                    "bad-arguments",
                    Regime.TOOL_MISUSE,
                    e -> when(
                            FailureKind.BAD_ARGUMENTS.label().equals(e.failureKind()),
                            "called a tool with arguments that do not fit its parameters (step " + e.steps() + ")")),
            // Logs recorded before unknown tools and bad arguments were told apart say "tool-misuse".
            new Detector(
                    "tool-misuse",
                    Regime.TOOL_MISUSE,
                    e -> when("tool-misuse".equals(e.failureKind()), "a tool was called wrongly")),
            new Detector(
                    "unparseable",
                    Regime.FORMAT,
                    e -> when("format".equals(e.failureKind()), "the answer does not parse: " + snippet(e.answer()))),
            new Detector(
                    "wrong-step",
                    Regime.WRONG_STEP,
                    e -> when(
                            "wrong-step".equals(e.failureKind()),
                            "step " + (e.failedStep() == null ? "?" : e.failedStep()) + " of the composite is wrong")),
            new Detector(
                    "wrong-value",
                    Regime.WRONG_VALUE,
                    e -> when("wrong-value".equals(e.failureKind()), "wrong value: " + snippet(e.answer()))),
            // The verifiers' kinds are a closed set; anything else is still a failure, and is kept visible.
            new Detector(
                    "unrecognised-kind",
                    Regime.WRONG_VALUE,
                    e -> Optional.of("failure kind '" + e.failureKind() + "': " + snippet(e.answer()))));

    private FailureDetectors() {}

    /** The detectors' names in priority order. */
    public static List<String> names() {
        return DETECTORS.stream().map(Detector::name).toList();
    }

    /** The classification of a failing episode; empty for a passing one. */
    public static Optional<FailureClassified> classify(EpisodeScored episode) {
        if (episode.passed()) {
            return Optional.empty();
        }
        for (Detector d : DETECTORS) {
            Optional<String> detail = d.test().apply(episode);
            if (detail.isPresent()) {
                return Optional.of(new FailureClassified(
                        episode.episodeId(),
                        episode.iteration(),
                        episode.instanceId(),
                        episode.envId(),
                        d.regime().label(),
                        d.name(),
                        detail.get()));
            }
        }
        throw new IllegalStateException("the last detector matches every failure");
    }

    private static Optional<String> infrastructure(EpisodeScored e) {
        if ("infra".equals(e.outcome()) || "infrastructure".equals(e.failureKind())) {
            return Optional.of("the provider failed (finish reason " + e.finishReason() + ")");
        }
        return when("error".equals(e.finishReason()), "the model call ended in an error");
    }

    private static Optional<String> refusal(EpisodeScored e) {
        String opening = e.answer().strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return REFUSAL_OPENINGS.stream()
                .filter(opening::startsWith)
                .findFirst()
                .map(p -> "the answer opens with a refusal (\"" + p + "\")");
    }

    private static Optional<String> when(boolean matches, String detail) {
        return matches ? Optional.of(detail) : Optional.empty();
    }

    /** The answer's start, on one line, for a detail message. */
    static String snippet(String answer) {
        String flat = answer.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(empty answer)";
        }
        return "'" + (flat.length() <= 60 ? flat : flat.substring(0, 57) + "...") + "'";
    }
}
