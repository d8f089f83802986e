package dev.ratchet.report;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.EventType;
import dev.ratchet.log.event.GateDecided.Flip;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.projection.Decision;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the transcripts behind the drill-down. The items to show are known only once a decision
 * is made, after their episodes, and a baseline's episodes may come from an earlier iteration on
 * the same library version; so instead of holding the log, it reads the episodes once and then the
 * model calls once, keeping only those of the chosen items.
 */
final class TranscriptReader {

    private static final String BASELINE = "baseline";
    private static final String CANDIDATE = "candidate";

    /** One chosen item of one decision, and the library versions its two arms ran. */
    private record Wanted(Decision decision, Flip flip, String baselineVersion, String candidateVersion) {}

    private final List<Wanted> wanted = new ArrayList<>();
    private final Map<String, List<EpisodeScored>> episodes = new HashMap<>();
    private final Map<String, ModelCallRecorded> calls = new HashMap<>();

    /**
     * @param iterationVersions the library version each iteration started from: its baseline
     * @param candidateVersions the library version each candidate proposes
     */
    static DrillDown read(
            EventLog log,
            List<Decision> decisions,
            Map<Integer, String> iterationVersions,
            Map<String, String> candidateVersions) {
        TranscriptReader r = new TranscriptReader();
        for (Decision d : decisions) {
            if (d.gate() != null && d.candidateId() != null) {
                for (Flip f : DrillDown.pick(d.gate().flips(), DrillDown.cap(d.gate()))) {
                    r.wanted.add(new Wanted(
                            d, f, iterationVersions.get(d.iteration()), candidateVersions.get(d.candidateId())));
                }
            }
        }
        r.readEpisodes(log);
        r.readCalls(log);
        return r.drillDown();
    }

    private static String key(String phase, String version, String instanceId) {
        return phase + "\u0000" + version + "\u0000" + instanceId;
    }

    private void readEpisodes(EventLog log) {
        Set<String> keys = new HashSet<>();
        for (Wanted w : wanted) {
            keys.add(key(BASELINE, w.baselineVersion(), w.flip().instanceId()));
            keys.add(key(CANDIDATE, w.candidateVersion(), w.flip().instanceId()));
        }
        try (Stream<RecordedEvent> s = log.read(EventQuery.all().types(Set.of(type(EventType.EPISODE_SCORED))))) {
            s.forEach(r -> {
                if (r.event() instanceof EpisodeScored e) {
                    String k = key(e.phase(), e.libraryVersion(), e.instanceId());
                    if (keys.contains(k)) {
                        episodes.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
                    }
                }
            });
        }
    }

    private void readCalls(EventLog log) {
        Set<String> ids = new HashSet<>();
        episodes.values().forEach(list -> list.forEach(e -> ids.addAll(e.callIds())));
        try (Stream<RecordedEvent> s = log.read(EventQuery.all().types(Set.of(type(EventType.MODEL_CALL_RECORDED))))) {
            s.forEach(r -> {
                if (r.event() instanceof ModelCallRecorded c && ids.contains(c.callId())) {
                    calls.put(c.callId(), c);
                }
            });
        }
    }

    private DrillDown drillDown() {
        Map<String, List<DrillDown.Item>> items = new HashMap<>();
        Map<String, Decision> byId = new HashMap<>();
        for (Wanted w : wanted) {
            int iteration = w.decision().iteration();
            List<Trace> baseline = traces(baselineEpisodes(w, iteration));
            List<Trace> candidate = traces(episodes(CANDIDATE, w.candidateVersion(), w.flip(), iteration, true));
            String env = Stream.concat(baseline.stream(), candidate.stream())
                    .map(t -> t.episode().envId())
                    .findFirst()
                    .orElse(w.flip().before());
            items.computeIfAbsent(w.decision().candidateId(), k -> new ArrayList<>())
                    .add(new DrillDown.Item(w.flip(), env, baseline, candidate));
            byId.put(w.decision().candidateId(), w.decision());
        }
        Map<String, DrillDown.Items> out = new HashMap<>();
        byId.forEach((id, d) -> out.put(
                id,
                new DrillDown.Items(DrillDown.stage(d.gate()), d.gate().flips().size(), items.get(id))));
        return new DrillDown(out);
    }

    /**
     * The baseline's episodes on the item: those of the decision's own iteration when it ran them,
     * else the latest earlier iteration's on the same version (the gate runs a version's baseline once).
     */
    private List<EpisodeScored> baselineEpisodes(Wanted w, int iteration) {
        List<EpisodeScored> own = episodes(BASELINE, w.baselineVersion(), w.flip(), iteration, true);
        if (!own.isEmpty()) {
            return own;
        }
        List<EpisodeScored> earlier = episodes(BASELINE, w.baselineVersion(), w.flip(), iteration, false);
        int latest = earlier.stream().mapToInt(EpisodeScored::iteration).max().orElse(-1);
        return earlier.stream().filter(e -> e.iteration() == latest).toList();
    }

    private List<EpisodeScored> episodes(String phase, String version, Flip flip, int iteration, boolean same) {
        return episodes.getOrDefault(key(phase, version, flip.instanceId()), List.of()).stream()
                .filter(e -> same ? e.iteration() == iteration : e.iteration() < iteration)
                .toList();
    }

    private List<Trace> traces(List<EpisodeScored> list) {
        return list.stream()
                .map(e -> new Trace(
                        e,
                        e.callIds().stream()
                                .map(calls::get)
                                .filter(Objects::nonNull)
                                .toList()))
                .toList();
    }

    private static String type(EventType t) {
        return t.typeName();
    }
}
