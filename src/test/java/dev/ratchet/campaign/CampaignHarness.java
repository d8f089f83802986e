package dev.ratchet.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.env.Instance;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import dev.ratchet.skill.SkillFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Plays the shell in tests: asks the decider for the next action and performs it against a fake
 * world, appending to an in-memory log one transaction per emitted batch and per episode or call.
 */
final class CampaignHarness {

    static final List<Instance> TRAIN = FakeWorld.split(1000, 40);
    static final List<Instance> PROBE = FakeWorld.split(2000, 20);
    static final List<Instance> CONFIRM = FakeWorld.split(3000, 10);
    static final Library START = new Library(
            List.of(new PromptSection("role", "You solve tasks."), new PromptSection("format", "Answer only.")),
            List.of(new Skill(
                    "careful",
                    "Read twice.",
                    "the task is long",
                    List.of(),
                    "Read it twice.",
                    SkillFiles.HAND_WRITTEN)));

    final Decider decider;
    final FakeWorld world;
    final InMemoryEventLog log = new InMemoryEventLog(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    /** The log's length after each transaction: the only points a crash can leave it at. */
    final List<Integer> boundaries = new ArrayList<>();
    /** What wrote each transaction: emit, episode or proposer. */
    final List<String> boundaryKinds = new ArrayList<>();

    private final List<Event> events = new ArrayList<>();
    private LoopState state = LoopState.initial();
    private Function<LoopState, Duration> clock = s -> null;

    CampaignHarness(CampaignConfig config, FakeWorld world, Library start) {
        this.decider = new Decider(config, TRAIN, PROBE, CONFIRM, start, FakeWorld::environment);
        this.world = world;
    }

    static CampaignHarness of(String yaml, FakeWorld world) {
        return new CampaignHarness(config(yaml), world, START);
    }

    /**
     * A config for the fake world: small splits and probe, so a campaign takes milliseconds. Keys
     * in {@code overridesYaml} replace the defaults (nested mappings are merged).
     */
    static CampaignConfig config(String overridesYaml) {
        String base =
                """
                models: {agent: fake-agent, proposer: fake-proposer}
                environments: [alpha, beta, gamma]
                splits: {train: 120, probe: 60, confirm: 30}
                batch-size: 24
                candidates: 3
                gate: {min-env-items: 0, screen-items: 24, min-items: 48, max-items: 192, chunk-items: 48, alpha: 0.2}
                """;
        try {
            YAMLMapper yaml = new YAMLMapper();
            ObjectNode merged = (ObjectNode) yaml.readTree(base);
            JsonNode overrides = yaml.readTree(overridesYaml);
            if (overrides != null && overrides.isObject()) {
                overrides.properties().forEach(f -> {
                    JsonNode old = merged.get(f.getKey());
                    if (old instanceof ObjectNode o && f.getValue().isObject()) {
                        o.setAll((ObjectNode) f.getValue());
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            return CampaignConfigLoader.parse(yaml.writeValueAsString(merged), "test.yaml", "test");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Measures elapsed wall time as a function of the state, so tests stay deterministic. */
    CampaignHarness withClock(Function<LoopState, Duration> elapsed) {
        this.clock = elapsed;
        return this;
    }

    /** Appends {@code prefix} as if an earlier process had written it, then continues from its fold. */
    CampaignHarness resumedFrom(List<Event> prefix) {
        if (!prefix.isEmpty()) {
            append(prefix, "prefix");
        }
        this.state = LoopState.of(decoded());
        return this;
    }

    Action step() {
        Action action = decider.next(state, clock.apply(state));
        if (action instanceof Action.Emit e) {
            append(e.events(), "emit");
        } else if (action instanceof Action.RunEpisodes r) {
            for (EpisodeRequest req : r.requests()) {
                Library library = state.library(req.libraryVersion()).orElseThrow();
                append(world.play(req, library).stream().map(Event.class::cast).toList(), "episode");
            }
        } else if (action instanceof Action.CallProposer c) {
            for (ProposerCall call : c.calls()) {
                append(List.of(world.propose(call)), "proposer");
            }
        }
        return action;
    }

    /** Runs until the decider is done; fails the test if it loops. */
    List<Event> run() {
        for (int i = 0; i < 10_000; i++) {
            if (step() instanceof Action.Done) {
                return List.copyOf(events);
            }
        }
        throw new AssertionError("the campaign did not finish in 10000 actions");
    }

    /** Steps until an emitted batch holds an event of {@code type}; returns that event. */
    <T extends Event> T runUntil(Class<T> type) {
        for (int i = 0; i < 10_000; i++) {
            Action a = step();
            if (a instanceof Action.Emit e && e.events().stream().anyMatch(type::isInstance)) {
                return type.cast(
                        e.events().stream().filter(type::isInstance).findFirst().orElseThrow());
            }
            if (a instanceof Action.Done) {
                throw new AssertionError("the campaign ended before any " + type.getSimpleName());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in 10000 actions");
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    LoopState state() {
        return state;
    }

    private void append(List<Event> batch, String kind) {
        log.append("campaign", -1, batch.stream().map(NewEvent::of).toList());
        for (Event e : batch) {
            events.add(e);
            state = state.evolve(e);
        }
        boundaries.add(events.size());
        boundaryKinds.add(kind);
    }

    private List<Event> decoded() {
        try (var stream = log.read(EventQuery.all())) {
            return stream.map(RecordedEvent::event).toList();
        }
    }

    /** Canonical JSON of each event with its type: what two runs must agree on byte for byte. */
    static List<String> encoded(List<Event> events) {
        return events.stream()
                .map(e -> e.type().typeName() + " " + new String(EventCodec.encode(e), StandardCharsets.UTF_8))
                .toList();
    }

    /** Fails naming the first event at which two decision streams differ. */
    static void assertSameStream(List<Event> expected, List<Event> actual, String context) {
        List<String> a = encoded(expected);
        List<String> b = encoded(actual);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end of stream)";
            String y = i < b.size() ? b.get(i) : "(end of stream)";
            if (!x.equals(y)) {
                throw new AssertionError(context + ": the streams differ at event " + i + "\n  expected: " + clip(x)
                        + "\n  actual:   " + clip(y));
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    @SuppressWarnings("unchecked")
    static <T extends Event> List<T> ofType(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }
}
