package dev.ratchet.campaign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.ValueType;
import dev.ratchet.gate.Seeds;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A deterministic stand-in for the agent and the proposer in tests. An episode's outcome is a pure
 * function of the instance, the library and the episode id (which carries the sample); the
 * proposer answers from a fixed list, picked by call id.
 *
 * <p>The default outcome: each instance has a difficulty in [0, 1); it passes when the difficulty
 * is below the environment's competence, which skills named {@code help-<env>}, {@code harm-<env>}
 * or {@code mixed-<good>-<bad>} raise or lower by 0.3; {@code noise} flips the result per episode
 * and {@code infraRate} makes the provider fail.
 */
final class FakeWorld {

    static final List<String> ENVS = List.of("alpha", "beta", "gamma");
    static final Map<String, Double> BASE = Map.of("alpha", 0.55, "beta", 0.7, "gamma", 0.85);

    private final BiFunction<EpisodeRequest, Library, String> outcomes;
    private final Function<String, String> proposer;

    /** Outcomes fixed by a test for particular episode ids; they win over the outcome function. */
    final Map<String, String> script = new HashMap<>();

    FakeWorld(BiFunction<EpisodeRequest, Library, String> outcomes, Function<String, String> proposer) {
        this.outcomes = outcomes;
        this.proposer = proposer;
    }

    static FakeWorld standard(double noise, double infraRate) {
        return new FakeWorld((r, lib) -> standardOutcome(r, lib, noise, infraRate), FakeWorld::fixedAnswer);
    }

    /** No noise, no provider failures, and this proposer. */
    static FakeWorld clean(Function<String, String> proposer) {
        return new FakeWorld((r, lib) -> standardOutcome(r, lib, 0, 0), proposer);
    }

    static double unit(String... parts) {
        return (Seeds.derive(0, parts) >>> 11) * 0x1.0p-53;
    }

    static String standardOutcome(EpisodeRequest r, Library lib, double noise, double infraRate) {
        if (unit(r.episodeId(), "infra") < infraRate) {
            return "infra";
        }
        boolean pass = unit(r.instanceId(), "difficulty") < competence(r.envId(), lib);
        if (unit(r.episodeId(), "noise") < noise) {
            pass = !pass;
        }
        return pass ? "pass" : "fail";
    }

    static double competence(String env, Library lib) {
        double c = BASE.getOrDefault(env, 0.6);
        for (Skill s : lib.skills()) {
            String[] parts = s.name().split("-");
            if (parts[0].equals("help") && parts[1].equals(env)) {
                c += 0.3;
            } else if (parts[0].equals("harm") && parts[1].equals(env)) {
                c -= 0.3;
            } else if (parts[0].equals("mixed") && parts.length == 3) {
                c += parts[1].equals(env) ? 0.3 : parts[2].equals(env) ? -0.3 : 0;
            }
        }
        return c;
    }

    static final List<String> ANSWERS = List.of(
            add("help-alpha", "the task is an alpha task"),
            add("harm-beta", "the task is a beta task"),
            add("neutral-one", "the answer is a number"),
            "I would add a skill about alpha tasks.",
            add("mixed-alpha-gamma", "the task mentions alpha or gamma"),
            add("help-beta", "the task is a beta task"),
            "```json\n" + add("help-gamma", "the task is a gamma task") + "\n```",
            "{\"op\":\"remove-skill\",\"target\":\"help-alpha\",\"rationale\":\"It no longer helps.\"}",
            "{\"op\":\"edit-section\",\"target\":\"role\",\"content\":\"You solve tasks exactly.\","
                    + "\"rationale\":\"Sharper wording.\"}",
            "{\"op\": \"add-skill\", \"target\": 7}");

    static String add(String name, String trigger) {
        return "{\"op\":\"add-skill\",\"target\":\"" + name + "\",\"description\":\"A rule for " + name
                + ".\",\"trigger\":\"" + trigger + "\",\"tags\":[\"t\"],\"content\":\"When " + trigger
                + ", work it out step by step.\",\"rationale\":\"The failing traces show it.\"}";
    }

    static String fixedAnswer(String callId) {
        return ANSWERS.get((int) Math.floorMod(Seeds.derive(0, "answer", callId), (long) ANSWERS.size()));
    }

    /** The episode's agent call and its score, as a shell would append them. */
    List<Object> play(EpisodeRequest r, Library library) {
        String outcome = script.containsKey(r.episodeId()) ? script.get(r.episodeId()) : outcomes.apply(r, library);
        boolean format = unit(r.episodeId(), "kind") < 0.3;
        String callId = r.episodeId() + "/call1";
        ModelCallRecorded call = call(callId, "agent", "infra".equals(outcome) ? null : outcome);
        EpisodeScored scored = new EpisodeScored(
                r.episodeId(),
                r.iteration(),
                r.phase(),
                r.split(),
                r.instanceId(),
                r.envId(),
                r.libraryVersion(),
                r.sample(),
                outcome,
                switch (outcome) {
                    case "pass" -> "none";
                    case "infra" -> "infrastructure";
                    default -> format ? "format" : "wrong-value";
                },
                null,
                "pass".equals(outcome) ? "42" : format ? "forty-two" : "41",
                "infra".equals(outcome) ? "error" : "stop",
                1,
                List.of(callId));
        List<Object> out = new ArrayList<>();
        out.add(call);
        out.add(scored);
        return out;
    }

    ModelCallRecorded propose(ProposerCall c) {
        return call(c.callId(), "proposer", proposer.apply(c.callId()));
    }

    /** A recorded call; {@code text} null means the call failed. */
    static ModelCallRecorded call(String callId, String role, String text) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("callId", callId);
        ObjectNode response = null;
        if (text != null) {
            response = JsonNodeFactory.instance.objectNode().put("text", text).put("finishReason", "stop");
        }
        return new ModelCallRecorded(
                callId,
                role,
                role + "-model",
                "hash-" + callId,
                request,
                response,
                new ModelCallRecorded.Usage(100, 20),
                5,
                List.of(new ModelCallRecorded.Attempt(1, text == null ? "server-error" : "ok", null, null, 0)),
                text == null ? "server-error" : null,
                0.001);
    }

    /** Instances {@code perEnv} per environment, seeds offset by split so splits never overlap. */
    static List<Instance> split(int offset, int perEnv) {
        List<Instance> out = new ArrayList<>();
        for (String env : ENVS) {
            for (int i = 0; i < perEnv; i++) {
                long seed = (long) offset + i;
                out.add(new Instance(env, seed, 1, "Solve " + env + " task " + seed + ".", "42"));
            }
        }
        return out;
    }

    /** A fake environment whose instances look like the splits' ("Solve alpha task 7."), for fresh gate items. */
    static Environment environment(String id) {
        if (!ENVS.contains(id)) {
            throw new IllegalArgumentException("unknown environment '" + id + "'");
        }
        return new Environment() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String domain() {
                return "fake";
            }

            @Override
            public ValueType inputType() {
                return ValueType.INTEGER;
            }

            @Override
            public ValueType outputType() {
                return ValueType.INTEGER;
            }

            @Override
            public int minDifficulty() {
                return 1;
            }

            @Override
            public int maxDifficulty() {
                return 1;
            }

            @Override
            public String description() {
                return "a fake task";
            }

            @Override
            public Instance sample(long seed, int difficulty) {
                return new Instance(id, seed, difficulty, "Solve " + id + " task " + seed + ".", "42");
            }

            @Override
            public Outcome verify(Instance instance, String answerText) {
                return answerText.contains("42") ? Outcome.pass() : Outcome.wrongValue("not 42");
            }

            @Override
            public String wrongAnswer(Instance instance, long seed) {
                return "Answer: 41";
            }
        };
    }
}
