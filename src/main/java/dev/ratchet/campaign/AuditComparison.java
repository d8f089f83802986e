package dev.ratchet.campaign;

import dev.ratchet.config.CampaignConfigParts;
import dev.ratchet.gate.Estimate;
import dev.ratchet.gate.SequentialTest;
import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.GateDecided;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One comparison of an audit: a version against a base version on fresh items, paired per item, a
 * chunk at a time, under the gate's sequential test ({@link SequentialTest}: an e-process by betting,
 * so looking after every chunk costs nothing) run both ways, "the version is better" and "the
 * version is worse", each at {@code alpha}. It stops when either succeeds, when both are shown
 * futile (the difference is smaller than the gate's min-effect either way), or at the gate's item
 * cap, undecided. As in the gate, everything is recomputed from the recorded episodes, so an
 * interrupted comparison resumes where its log ends.
 */
final class AuditComparison {

    private final CampaignConfigParts.Gate gate;
    private final GateItems items;
    private final SequentialTest test;

    AuditComparison(CampaignConfigParts.Gate gate, GateItems items, double alpha) {
        this.gate = gate;
        this.items = items;
        this.test = new SequentialTest(
                alpha, gate.futilityBeta(), gate.minEffect() / 100, gate.minItems(), 0, gate.maxItems());
    }

    /**
     * What is compared: the base and the version; for a re-check the promotion and its claimed gain,
     * for an ablation the part the base leaves out.
     */
    record Pair(
            String base, String version, Integer iteration, String candidateId, GateDecided.Gain claimed, String part) {
        Pair(String base, String version, Integer iteration, String candidateId, GateDecided.Gain claimed) {
            this(base, version, iteration, candidateId, claimed, null);
        }

        static Pair of(String base, String version) {
            return new Pair(base, version, null, null, null, null);
        }
    }

    /** Episodes to run next, or (when none are missing) the comparison's result. */
    record Next(List<EpisodeRequest> missing, AuditCompared result) {}

    /**
     * Items are drawn per (campaign seed, base version, stage {@code <audit>.<step>.c<chunk>}, j): a
     * stage name the campaign's gate never uses (its stages are {@code screen} and {@code confirm-k}),
     * and audits are numbered, so no audit sees an item the campaign or another audit drew.
     */
    Next next(Audits audits, String audit, int step, Pair pair, String env, int iteration) {
        List<Double> differences = new ArrayList<>();
        for (int chunk = 0; ; chunk++) {
            int size = Math.max(1, Math.min(gate.chunkItems(), gate.maxItems() - chunk * gate.chunkItems()));
            List<GateItems.Item> drawn = items.draw(pair.base(), audit + "." + step + ".c" + chunk, 0, size);
            List<EpisodeRequest> missing = missing(audits, drawn, pair, iteration);
            if (!missing.isEmpty()) {
                return new Next(missing, null);
            }
            drawn.forEach(item -> difference(audits, item).ifPresent(differences::add));
            boolean capped = (chunk + 1) * gate.chunkItems() >= gate.maxItems();
            Optional<String> status = status(differences, capped);
            if (status.isPresent()) {
                Estimate e = Estimate.of(differences);
                GateDecided.Gain gain = new GateDecided.Gain(e.items(), e.mean(), e.low(), e.high());
                return new Next(
                        List.of(),
                        new AuditCompared(
                                audit,
                                step,
                                pair.base(),
                                pair.version(),
                                env,
                                pair.iteration(),
                                pair.candidateId(),
                                pair.claimed(),
                                gain,
                                status.get(),
                                pair.part()));
            }
        }
    }

    private Optional<String> status(List<Double> differences, boolean capped) {
        if (!differences.isEmpty()) {
            SequentialTest.Result better = test.run(differences);
            SequentialTest.Result worse =
                    test.run(differences.stream().map(d -> -d).toList());
            if (better.status() == SequentialTest.Status.SUCCESS) {
                return Optional.of(AuditCompared.BETTER);
            }
            if (worse.status() == SequentialTest.Status.SUCCESS) {
                return Optional.of(AuditCompared.WORSE);
            }
            if (better.status() == SequentialTest.Status.FUTILE && worse.status() == SequentialTest.Status.FUTILE) {
                return Optional.of(AuditCompared.NO_EFFECT);
            }
        }
        // Counting drawn items, infrastructure failures included, so a provider that never answers ends it.
        return capped ? Optional.of(AuditCompared.UNDECIDED) : Optional.empty();
    }

    private List<EpisodeRequest> missing(Audits audits, List<GateItems.Item> drawn, Pair pair, int iteration) {
        List<EpisodeRequest> out = new ArrayList<>();
        for (GateItems.Item item : drawn) {
            for (String arm : List.of(BASE, VERSION)) {
                for (int s = 0; s < gate.samplesPerItem(); s++) {
                    String id = episodeId(arm, item, s);
                    if (audits.episode(id).isEmpty()) {
                        out.add(new EpisodeRequest(
                                id,
                                iteration,
                                Audits.SPLIT,
                                Audits.SPLIT,
                                item.instance().id(),
                                item.instance().envId(),
                                item.instance().seed(),
                                item.instance().difficulty(),
                                arm.equals(BASE) ? pair.base() : pair.version(),
                                s));
                    }
                }
            }
        }
        return out;
    }

    /** The version's pass fraction minus the base's; none when either has only infrastructure failures. */
    private Optional<Double> difference(Audits audits, GateItems.Item item) {
        double[] base = fraction(audits, BASE, item);
        double[] version = fraction(audits, VERSION, item);
        return base[1] == 0 || version[1] == 0
                ? Optional.empty()
                : Optional.of(version[0] / version[1] - base[0] / base[1]);
    }

    /** {passed, scored} over an arm's samples of an item. */
    private double[] fraction(Audits audits, String arm, GateItems.Item item) {
        double passed = 0;
        double scored = 0;
        for (int s = 0; s < gate.samplesPerItem(); s++) {
            EpisodeScored e = audits.episode(episodeId(arm, item, s)).orElseThrow();
            if (!"infra".equals(e.outcome())) {
                scored++;
                passed += e.passed() ? 1 : 0;
            }
        }
        return new double[] {passed, scored};
    }

    private static final String BASE = "base";
    private static final String VERSION = "version";

    /** {@code audit/base@recheck-1.0.c0.17/<instance id>/s0}: the place names the audit, step, chunk and item. */
    static String episodeId(String arm, GateItems.Item item, int sample) {
        return Audits.SPLIT + "/" + arm + "@" + item.place() + "/"
                + item.instance().id() + "/s" + sample;
    }
}
