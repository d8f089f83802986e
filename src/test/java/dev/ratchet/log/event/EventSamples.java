package dev.ratchet.log.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type: the golden files are these, encoded. */
public final class EventSamples {

    private EventSamples() {}

    public static final String LIB0 = "0a1b2c3d4e5f6071";
    public static final String LIB1 = "8f9e0d1c2b3a4958";

    public static List<Event> all() {
        JsonNode config = Json.object(Map.of("seed", 7, "batch_size", 48, "agent", Map.of("provider", "simulated")));
        JsonNode request = Json.object(Map.of(
                "model",
                "simulated-agent",
                "messages",
                List.of(Map.of("role", "user", "text", "Task id: arith.add@1/d1\n\nWhat is 2 + 3?"))));
        JsonNode response = Json.object(Map.of(
                "text", "Answer: 5", "finishReason", "stop", "usage", Map.of("inputTokens", 12, "outputTokens", 3)));
        return List.of(
                new CampaignStarted("demo-0001", "demo", config, 7, "0.1.0", LIB0),
                new CampaignStopped("consecutive-discards", "3 consecutive iterations without a promotion", 5),
                new IterationStarted(1, LIB0, List.of("arith.add@1/d1", "seq(arith.add,nt.gcd)@9/d2")),
                new EpisodeScored(
                        "i1/batch/arith.add@1/d1/s0",
                        1,
                        "batch",
                        "train",
                        "arith.add@1/d1",
                        "arith.add",
                        LIB0,
                        0,
                        "fail",
                        "wrong-value",
                        null,
                        "Answer: 6",
                        "stop",
                        1,
                        List.of("i1/batch/arith.add@1/d1/s0/call-0")),
                new ModelCallRecorded(
                        "i1/batch/arith.add@1/d1/s0/call-0",
                        "agent",
                        "simulated-agent",
                        "5d41402abc4b2a76b9719d911017c592",
                        request,
                        response,
                        new ModelCallRecorded.Usage(12, 3),
                        41,
                        List.of(
                                new ModelCallRecorded.Attempt(1, "http-503", 503, "server-error", 0),
                                new ModelCallRecorded.Attempt(2, "ok", 200, null, 250)),
                        null,
                        0.000021),
                new FailureClassified(
                        "i1/batch/arith.add@1/d1/s0",
                        1,
                        "arith.add@1/d1",
                        "arith.add",
                        "wrong-value",
                        "wrong-value",
                        "expected 5, got 6"),
                new CandidateProposed(
                        1,
                        "i1-c0",
                        "wrong-value:arith.add",
                        new CandidateProposed.Edit(
                                "add-skill",
                                "carry-check",
                                "Re-add column by column",
                                "adding integers",
                                List.of("arithmetic"),
                                "When adding, re-add each column and carry before answering."),
                        "Failures show dropped carries.",
                        "i1/propose/0/call-0"),
                new ProposalFailed(
                        1, "format:dates.weekday", "proposer answer was not valid JSON twice", "i1/propose/1/call-1"),
                new StaticCheckPassed(
                        1, "i1-c0", List.of("schema", "size", "library-cap", "no-secrets", "no-harness", "trigger")),
                new StaticCheckFailed(1, "i1-c2", "no-harness", "text addresses the gate: 'ignore the gate'"),
                new ProbeBuilt(
                        1,
                        123456789L,
                        List.of(
                                new ProbeBuilt.ProbeItem("arith.add@77/d2", "arith.add", true),
                                new ProbeBuilt.ProbeItem("arith.add@78/d2", "arith.add", false)),
                        1),
                new BaselineProbeScored(
                        1,
                        LIB0,
                        List.of(
                                new ItemResult("arith.add@77/d2", List.of("fail")),
                                new ItemResult("arith.add@78/d2", List.of("pass")))),
                new CandidateProbeScored(
                        1,
                        "i1-c0",
                        LIB1,
                        List.of(
                                new ItemResult("arith.add@77/d2", List.of("pass")),
                                new ItemResult("arith.add@78/d2", List.of("pass")))),
                new GateDecided(
                        1,
                        "i1-c0",
                        List.of(new GateDecided.Verdict(
                                "i1-c0",
                                1,
                                0,
                                0,
                                0,
                                1,
                                0,
                                0,
                                null,
                                true,
                                "net +1 >= 1, 0 new regressions <= budget 0",
                                List.of(
                                        new GateDecided.Flip("arith.add@77/d2", "arith.add", "fail", "pass"),
                                        new GateDecided.Flip("arith.add@78/d2", "arith.add", "pass", "pass")),
                                "success",
                                new GateDecided.Gain(144, 0.0347, -0.021, 0.09),
                                new GateDecided.Gain(480, 0.05, 0.012, 0.088),
                                List.of(new GateDecided.EnvironmentGain(
                                        "arith.add", new GateDecided.Gain(480, 0.05, 0.012, 0.088), false)),
                                null,
                                LIB1))),
                new CandidatePromoted(1, "i1-c0", LIB0, LIB1),
                new CandidateDiscarded(2, null, "no candidate passed the gate"),
                new ConfirmScored(1, LIB1, 31, 48),
                new LibrarySnapshotted(
                        LIB1,
                        LIB0,
                        List.of(new LibrarySnapshotted.SkillRecord(
                                "carry-check",
                                "Re-add column by column",
                                "adding integers",
                                List.of("arithmetic"),
                                "When adding, re-add each column and carry before answering.",
                                "campaign demo-0001, iteration 1, candidate i1-c0")),
                        List.of(new LibrarySnapshotted.SectionRecord(
                                "role", "You solve small, exactly checkable tasks."))),
                new LibraryRolledBack(LIB1, LIB0, "recheck-1 flagged i1-c0: worse on fresh items", 5),
                new AuditStarted("bisect-1", AuditStarted.BISECT, LIB0, LIB1, "arith.add"),
                new AuditCompared(
                        "recheck-1",
                        0,
                        LIB0,
                        LIB1,
                        null,
                        1,
                        "i1-c0",
                        new GateDecided.Gain(480, 0.05, 0.012, 0.088),
                        new GateDecided.Gain(720, -0.031, -0.06, -0.004),
                        AuditCompared.WORSE),
                new AuditFinished("recheck-1", LIB1, "1 of 1 promotions re-measured; flagged: i1-c0"));
    }
}
