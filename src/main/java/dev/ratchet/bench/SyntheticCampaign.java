package dev.ratchet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.StaticCheckPassed;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A campaign's event stream shaped like the golden demo campaign's, scaled up: each iteration
 * runs a batch, classifies its failures, asks the proposer for three candidates, and scores many
 * gate episodes (one baseline and three candidate episodes per item, each with its model call)
 * before a decision, a promotion every third iteration, and a confirm evaluation. Every candidate's
 * library is snapshotted, as the loop does, so the fold's maps of library versions and proposer
 * calls grow with the campaign as they would in a real one. Every episode id is distinct, as in a
 * real log. Payloads the fold does not read (requests, answers) are one shared object, so that a
 * million events fit in memory.
 */
final class SyntheticCampaign {

    static final int BATCH = 16;
    static final int CANDIDATES = 3;
    static final int GATE_ITEMS = 400;
    static final int CONFIRM = 12;
    private static final List<String> ENVS =
            List.of("seq(arith.add,nt.digit-sum)", "units.roman", "par(strings.reverse,lists.sort)");
    private static final JsonNode REQUEST = Json.object(Map.of("model", "simulated", "messages", List.of()));
    private static final JsonNode RESPONSE = Json.object(Map.of("text", "Answer: 5", "finishReason", "stop"));

    private final List<Event> events = new ArrayList<>();
    private long instances;
    private Library library = library(0, 0);

    /** {@code count} events: the start of a campaign long enough to hold them, then its stop. */
    static List<Event> events(int count) {
        SyntheticCampaign c = new SyntheticCampaign();
        c.add(new CampaignStarted(
                "bench-fold", "bench", Json.object(Map.of("seed", 7)), 7, "bench", c.library.version()));
        c.add(LibrarySnapshots.snapshot(c.library, null));
        for (int i = 1; c.events.size() < count; i++) {
            c.iteration(i);
        }
        List<Event> out = new ArrayList<>(c.events.subList(0, count - 1));
        out.add(new CampaignStopped("iterations", "synthetic", 0));
        return out;
    }

    private void iteration(int i) {
        String v = library.version();
        List<String> batch = new ArrayList<>();
        for (int k = 0; k < BATCH; k++) {
            batch.add(instance(k));
        }
        add(new IterationStarted(i, v, batch));
        for (int k = 0; k < BATCH; k++) {
            boolean passed = k % 2 == 0;
            episode(i, "batch", "batch", "train", batch.get(k), v, passed);
            if (!passed) {
                String id = "i" + i + "/batch/" + batch.get(k) + "/s0";
                add(new FailureClassified(id, i, batch.get(k), env(k), "wrong-step", "wrong-step", "step 1 is wrong"));
            }
        }
        for (int c = 1; c <= CANDIDATES; c++) {
            String callId = "i" + i + "/propose/c" + c + "/a1";
            add(call(callId, "proposer"));
            add(new CandidateProposed(i, "i" + i + "-c" + c, "wrong-step in units.roman", edit(i, c), "why", callId));
            add(new StaticCheckPassed(i, "i" + i + "-c" + c, List.of("schema", "size", "library-cap")));
            add(LibrarySnapshots.snapshot(library(i, c), v));
        }
        gate(i, v);
    }

    private void gate(int i, String v) {
        for (int item = 0; item < GATE_ITEMS; item++) {
            String instance = instance(item);
            episode(i, "baseline@screen.0", "baseline", "gate", instance, v, item % 3 == 0);
            for (int c = 1; c <= CANDIDATES; c++) {
                episode(i, "cand-" + c + "@screen.0", "candidate", "gate", instance, v, item % (2 + c) != 0);
            }
        }
        boolean promote = i % 3 == 0;
        String accepted = promote ? "i" + i + "-c1" : null;
        List<GateDecided.Verdict> verdicts = new ArrayList<>();
        for (int c = 1; c <= CANDIDATES; c++) {
            verdicts.add(verdict("i" + i + "-c" + c, promote && c == 1));
        }
        add(new GateDecided(i, accepted, verdicts));
        for (int c = promote ? 2 : 1; c <= CANDIDATES; c++) {
            add(new CandidateDiscarded(i, "i" + i + "-c" + c, "gate: undecided at the cap"));
        }
        if (promote) {
            Library next = library(i, 1);
            add(new CandidatePromoted(i, accepted, v, next.version()));
            library = next;
            for (int k = 0; k < CONFIRM; k++) {
                episode(i, "confirm", "confirm", "confirm", instance(k), next.version(), k % 3 != 0);
            }
            add(new ConfirmScored(i, next.version(), 8, CONFIRM));
        } else {
            add(new CandidateDiscarded(i, null, "no candidate passed the gate"));
        }
    }

    private void episode(int i, String tag, String phase, String split, String instance, String v, boolean passed) {
        String id = "i" + i + "/" + tag + "/" + instance + "/s0";
        String callId = id + "/call-1";
        add(call(callId, "agent"));
        add(new EpisodeScored(
                id,
                i,
                phase,
                split,
                instance,
                envOf(instance),
                v,
                0,
                passed ? "pass" : "fail",
                passed ? "none" : "wrong-step",
                passed ? null : 0,
                "Answer: 5",
                "stop",
                1,
                List.of(callId)));
    }

    private String instance(int k) {
        return env(k) + "@" + (instances++) + "/d" + (1 + k % 5);
    }

    private static String env(int k) {
        return ENVS.get(k % ENVS.size());
    }

    private static String envOf(String instance) {
        return instance.substring(0, instance.indexOf('@'));
    }

    private static ModelCallRecorded call(String callId, String role) {
        return new ModelCallRecorded(
                callId,
                role,
                "simulated",
                "5d41402abc4b2a76b9719d911017c592",
                REQUEST,
                RESPONSE,
                new ModelCallRecorded.Usage(120, 8),
                0,
                List.of(new ModelCallRecorded.Attempt(1, "ok", 200, null, 0)),
                null,
                0.0);
    }

    private static CandidateProposed.Edit edit(int i, int c) {
        return new CandidateProposed.Edit(
                "add-skill", "skill-" + i + "-" + c, "describe", "when roman", List.of("units.roman"), "Do it.");
    }

    private static GateDecided.Verdict verdict(String candidateId, boolean accepted) {
        GateDecided.Gain gain = new GateDecided.Gain(144, accepted ? 0.08 : -0.02, -0.05, 0.1);
        return new GateDecided.Verdict(
                candidateId,
                12,
                accepted ? 3 : 14,
                0,
                0,
                accepted ? 9 : -2,
                1,
                0,
                null,
                accepted,
                accepted ? "gain above zero" : "undecided at the cap",
                List.of(new GateDecided.Flip("units.roman@1/d1", "units.roman", "fail", "pass")),
                accepted ? "success" : "undecided",
                gain,
                gain,
                List.of(new GateDecided.EnvironmentGain("units.roman", gain, false)),
                null,
                "0000000000000000");
    }

    /**
     * Candidate {@code c} of iteration {@code i}: it replaces the one learned skill, so promoted
     * libraries stay within any cap; (0, 0) is the starting library.
     */
    private static Library library(int i, int c) {
        List<PromptSection> sections = List.of(new PromptSection("role", "You solve small, exactly checkable tasks."));
        if (i == 0) {
            return new Library(sections, List.of());
        }
        Skill skill =
                new Skill("skill-" + i + "-" + c, "describe", "when roman", List.of("units.roman"), "Do it.", "bench");
        return new Library(sections, List.of(skill));
    }

    private void add(Event e) {
        events.add(e);
    }
}
