package dev.ratchet.model.simulated;

import dev.ratchet.env.Environment;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The simulator's seeded catalogue of candidate edits with known true effects: per base
 * environment, skills that fix its two commonest failure modes, one harmful, one neutral and one
 * mixed (it fixes this environment and regresses another), plus prompt-section texts that act on
 * every environment. Lookups only ever {@code get} from the maps, so their order never matters.
 */
final class Catalogue {

    /** The largest diffuse effect, in log-odds, an edit has on each environment it is not about. */
    static final double DIFFUSE = 0.1;

    private final List<Candidate> skills;
    private final List<Candidate> sections;
    private final long seed;
    private final List<String> universe;
    /** Diffuse effects by text, memoised: a pure function of the text, so caching changes nothing. */
    private final Map<String, Effect> diffuse = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Candidate> byNameAndBody = new HashMap<>();
    private final Map<String, List<Candidate>> byBody = new HashMap<>();
    private final Map<String, Candidate> bySectionText = new HashMap<>();

    private Catalogue(long seed, List<String> universe, List<Candidate> skills, List<Candidate> sections) {
        this.seed = seed;
        this.universe = List.copyOf(universe);
        this.skills = List.copyOf(skills);
        this.sections = List.copyOf(sections);
        for (Candidate c : skills) {
            byNameAndBody.put(key(c.name(), c.content()), c);
            byBody.computeIfAbsent(c.content().strip(), b -> new ArrayList<>()).add(c);
        }
        for (Candidate c : sections) {
            bySectionText.put(c.content().strip(), c);
        }
    }

    static Catalogue build(
            long seed, List<String> baseIds, Function<String, Environment> envs, CompetenceModel competence) {
        Map<String, Candidate> skills = new LinkedHashMap<>();
        for (String baseId : baseIds) {
            List<String> others =
                    baseIds.stream().filter(id -> !id.equals(baseId)).toList();
            for (Candidate c : forEnvironment(seed, envs.apply(baseId), others, competence)) {
                String name = c.name();
                for (int n = 2; skills.containsKey(name); n++) {
                    name = c.name() + "-" + n;
                }
                skills.put(name, withName(c, name));
            }
        }
        List<Candidate> sections = new ArrayList<>();
        for (Advice.SectionText s : Advice.sections()) {
            sections.add(new Candidate(
                    "section",
                    s.description(),
                    "Every task",
                    List.of("prompt"),
                    s.text(),
                    null,
                    s.terms().isEmpty() ? FailureMode.FORMAT : modeOf(s.terms().get(0)),
                    Effect.of(s.terms())));
        }
        return new Catalogue(seed, baseIds, new ArrayList<>(skills.values()), sections);
    }

    List<Candidate> skills() {
        return skills;
    }

    List<Candidate> sections() {
        return sections;
    }

    /** A known skill by name and body; a renamed copy by its body alone; anything else is neutral. */
    Effect skillEffect(String name, String body) {
        Candidate exact = byNameAndBody.get(key(name, body));
        if (exact != null) {
            return exact.effect();
        }
        List<Candidate> sameBody = byBody.getOrDefault(body.strip(), List.of());
        return sameBody.size() == 1 ? sameBody.get(0).effect() : Effect.neutral();
    }

    Effect sectionEffect(String text) {
        Candidate known = bySectionText.get(text.strip());
        return known == null ? Effect.neutral() : known.effect();
    }

    Gains gains(Library library) {
        List<Effect> effects = new ArrayList<>();
        for (Skill s : library.skills()) {
            effects.add(skillEffect(s.name(), s.body()));
            Candidate known = byNameAndBody.get(key(s.name(), s.body()));
            effects.add(diffuse("skill", s.name() + "\u0000" + s.body().strip(), known == null ? null : known.envId()));
        }
        for (PromptSection s : library.sections()) {
            effects.add(sectionEffect(s.text()));
            effects.add(diffuse("section", s.text().strip(), null));
        }
        return Gains.of(effects);
    }

    /**
     * What any text in the prompt does beyond its purpose: it perturbs borderline answers in the
     * environments it is not about, a small seeded shift of the wrong-value odds, different for every
     * text. Part of the ground truth, so a "helpful" edit can truly cost an unrelated environment a
     * little. {@code own} is the environment a catalogue skill is written for (null: none).
     */
    private Effect diffuse(String kind, String text, String own) {
        return diffuse.computeIfAbsent(kind + "\u0000" + text, k -> drawDiffuse(kind, text, own));
    }

    private Effect drawDiffuse(String kind, String text, String own) {
        List<Effect.Term> terms = new ArrayList<>();
        for (String baseId : universe) {
            if (baseId.equals(own)) {
                continue;
            }
            double u = Draws.uniform(seed, "diffuse", kind, text, baseId);
            double gain = DIFFUSE * (2 * u - 1);
            if (gain != 0) {
                terms.add(new Effect.Term(baseId, FailureMode.WRONG_VALUE.label(), gain));
            }
        }
        return Effect.of(terms);
    }

    private static List<Candidate> forEnvironment(
            long seed, Environment env, List<String> others, CompetenceModel competence) {
        String id = env.id();
        SplittableRandom random = Draws.random(seed, "catalogue", id);
        List<FailureMode> modes = competence.modesByWeight(id, !env.tools().isEmpty());
        FailureMode top = modes.get(0);
        List<Candidate> out = new ArrayList<>();
        for (FailureMode mode : modes.subList(0, 2)) {
            Advice.Text text = Advice.helpful(mode, env.outputType(), id);
            out.add(candidate(env, text, mode, List.of(term(id, mode, between(random, 1.2, 2.2)))));
        }
        FailureMode hurt = random.nextBoolean() ? FailureMode.FORMAT : FailureMode.WRONG_VALUE;
        out.add(candidate(env, Advice.harmful(hurt, id), hurt, List.of(term(id, hurt, -between(random, 0.9, 1.6)))));
        out.add(candidate(env, Advice.neutral(random.nextInt(2), id), top, List.of()));
        if (!others.isEmpty()) {
            String other = others.get(random.nextInt(others.size()));
            List<Effect.Term> terms = List.of(
                    term(id, top, between(random, 1.0, 1.8)),
                    term(other, FailureMode.WRONG_VALUE, -between(random, 1.0, 1.8)));
            out.add(candidate(env, Advice.mixed(random.nextInt(2), id, other), top, terms));
        }
        return out;
    }

    private static Candidate candidate(
            Environment env, Advice.Text text, FailureMode claimed, List<Effect.Term> terms) {
        return new Candidate(
                Advice.slug(env.id()) + "-" + text.phrase(),
                text.description(),
                Advice.trigger(env.id(), env.description()),
                List.of(env.id(), claimed.label()),
                text.body(),
                env.id(),
                claimed,
                Effect.of(terms));
    }

    private static Candidate withName(Candidate c, String name) {
        return new Candidate(
                name, c.description(), c.trigger(), c.tags(), c.content(), c.envId(), c.claimed(), c.effect());
    }

    private static Effect.Term term(String envId, FailureMode mode, double gain) {
        return new Effect.Term(envId, mode.label(), gain);
    }

    private static FailureMode modeOf(Effect.Term term) {
        return FailureMode.ofLabel(term.regime()).orElseThrow();
    }

    private static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static String key(String name, String body) {
        return name + "\u0000" + body.strip();
    }
}
