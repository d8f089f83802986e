package dev.ratchet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.campaign.EvalSetup;
import dev.ratchet.campaign.Evaluation;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.model.Sleeper;
import dev.ratchet.projection.EvalResults;
import dev.ratchet.projection.Fold;
import dev.ratchet.skill.LibrarySnapshots;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates the current agent (skills/ and config/prompts) and prints its accuracy per environment and"
                    + " its failure kinds. No improvement loop: nothing is proposed or changed.",
            "The instances are the chosen split of the config's environments (or of --envs, or of a suite), drawn"
                    + " exactly as a campaign with this config draws them. The default split is confirm: the split a"
                    + " campaign never gates on, whose figures it reports as its unbiased estimate; use train while"
                    + " tuning skills by hand, so that confirm stays unseen. A --suite is evaluated whole (all) unless"
                    + " --split says otherwise. Only the agent's model is needed: the proposer is never called.",
            "Every model call and score is appended to runs/<id>/events.db, in instance order whatever the"
                    + " concurrency; `ratchet log`, `show` and `report` read it. The config's budgets apply.",
            "Exit codes: 0 evaluated (or stopped by a budget); 2 bad input, nothing written; 3 the provider stopped"
                    + " answering (rejected key, quota, outage) or never answered the agent at all: the log records why."
        })
final class EvalCommand implements Callable<Integer> {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Mixin
    ProjectPaths paths = new ProjectPaths();

    @Mixin
    ModelsFile modelsFile = new ModelsFile();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "config/demo.yaml",
            description =
                    "Campaign config: models, environments, split sizes, seed, budgets (default: ${DEFAULT-VALUE}).")
    Path config;

    @ArgGroup(exclusive = true)
    Scope scope;

    /** Which environments instead of the config's: a suite, or a list of ids. */
    static final class Scope {
        @Option(names = "--suite", paramLabel = "S", description = "Evaluate the task suite <eval-dir>/S.jsonl.")
        String suite;

        @Option(
                names = "--envs",
                paramLabel = "ID,...",
                description = "Evaluate these environment ids (composites included), weight 1 each.")
        String envs;
    }

    // No picocli default: a suite is evaluated whole unless a split is asked for.
    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            description = "train, probe, confirm or all (default: all for --suite, confirm otherwise).")
    String split;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "The agent's model from the models file (default: the config's).")
    String model;

    @Option(names = "--campaign", paramLabel = "ID", description = "Log id (default: eval-<config name>-<UTC time>).")
    String campaignId;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Episodes at once (default: the config's). The log is the same at any concurrency.")
    Integer concurrency;

    @Option(names = "--json", description = "Print the results as JSON (progress goes to standard error).")
    boolean json;

    private final Host host;

    EvalCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        Prepared p = prepare();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (EvalSetup setup = EvalSetup.live(
                p.config(),
                p.universe(),
                p.agent(),
                paths.catalog(p.catalogConfig()),
                paths.library(err),
                host.env(),
                host.clock(),
                Sleeper.system(),
                Optional.of(runsDir.responseCache(p.id())),
                concurrency != null ? concurrency : p.config().concurrency(),
                notice -> {
                    err.println("ratchet: " + notice);
                    err.flush();
                })) {
            Evaluation.Episodes episodes = setup.episodes(split);
            if (episodes.count() == 0) {
                throw new UsageException("the " + split + " split of these environments holds no instances");
            }
            Path folder = runsDir.path.resolve(p.id());
            EvalText text = new EvalText(p.id(), split, setup);
            text.header(json ? err : out, folder, episodes.count());
            EvalResults results = evaluate(p, setup, episodes, folder.resolve("events.db"), err);
            if (json) {
                out.println(Json.write(text.json(results, folder)));
            } else {
                text.results(out, results, folder);
            }
            out.flush();
            if (Evaluation.PROVIDER_STOPPED.equals(results.stopReason())) {
                // An eval has no --resume: what it evaluated stays in its log, and a new eval starts afresh.
                err.println("ratchet: the evaluation stopped: " + results.stopDetail());
                err.println("its log keeps what was evaluated: " + folder.resolve("events.db")
                        + "; run the eval again once the provider answers");
                err.flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
            return ExitCodes.OK;
        }
    }

    /**
     * Runs the episodes into a new log with live progress on {@code chatter}; the results are folded
     * from the events as they are appended, so nothing grows with the number of episodes.
     */
    private EvalResults evaluate(
            Prepared p, EvalSetup setup, Evaluation.Episodes episodes, Path db, PrintWriter chatter) {
        Clock clock = host.clock();
        try (SqliteEventLog log = SqliteEventLog.open(db, SqliteOptions.defaults(), clock)) {
            Progress progress = new Progress(chatter, clock, System.console() != null);
            progress.phase("eval " + split, (int) Math.min(episodes.count(), Integer.MAX_VALUE));
            Instant began = clock.instant();
            Fold<EvalResults> fold = EvalResults.fold(setup.groups());
            setup.evaluation(log, p.id(), seq -> Duration.between(began, clock.instant()), e -> {
                        EvalText.feed(progress, e);
                        fold.accept(e);
                    })
                    .run(start(p, setup), episodes);
            return fold.result();
        }
    }

    /** Everything checked and resolved before anything is written. */
    private record Prepared(
            String id,
            CampaignConfig config,
            CampaignConfig universe,
            CampaignConfig catalogConfig,
            ModelConfigs models,
            ModelConfig agent) {}

    private Prepared prepare() {
        if (!Files.isRegularFile(config)) {
            throw new UsageException("no campaign config at " + config + " (give one with --config FILE)");
        }
        if (split == null) {
            split = scope != null && scope.suite != null ? "all" : "confirm";
        }
        if (!EvalSetup.SPLITS.contains(split)) {
            throw new UsageException("--split " + split + ": use one of " + String.join(", ", EvalSetup.SPLITS));
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 1024)) {
            throw new UsageException("--concurrency " + concurrency + ": use 1..1024");
        }
        CampaignConfig file = CampaignConfigLoader.load(config);
        CampaignConfig chosen =
                scoped(file).withAgent(model != null ? model : file.models().agent());
        ModelConfigs models = modelsFile.models();
        ModelConfig agent = models.get(chosen.models().agent());
        String id = campaignId != null
                ? campaignId
                : "eval-" + file.name() + "-" + ID_TIME.format(host.clock().instant());
        RunPlan.checkId(id, campaignId != null);
        if (Files.exists(runsDir.path.resolve(id).resolve("events.db"))) {
            throw new UsageException(
                    "a log named " + id + " already exists in " + runsDir.path + "; choose another --campaign");
        }
        List<CampaignConfig.SuiteShare> suites = new ArrayList<>(file.suites());
        chosen.suites().stream().filter(s -> !suites.contains(s)).forEach(suites::add);
        return new Prepared(id, chosen, file, file.withEnvironments(file.environments(), suites), models, agent);
    }

    private CampaignConfig scoped(CampaignConfig file) {
        if (scope == null) {
            return file;
        }
        if (scope.suite != null) {
            return file.withEnvironments(List.of(), List.of(CampaignConfig.SuiteShare.of(scope.suite)));
        }
        List<String> ids = topLevelIds(scope.envs);
        if (ids.isEmpty()) {
            throw new UsageException("--envs: name at least one environment id");
        }
        return file.withEnvironments(
                ids.stream().map(CampaignConfig.EnvironmentShare::of).toList(), List.of());
    }

    /** Splits at commas outside parentheses, so that {@code seq(a,b),c} is two ids. */
    static List<String> topLevelIds(String text) {
        List<String> ids = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                ids.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        ids.add(current.toString().strip());
        if (ids.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("--envs " + text + ": an id is empty");
        }
        return List.copyOf(ids);
    }

    /** campaign.started (the configuration as evaluated, and the split) and the library's snapshot. */
    private List<NewEvent> start(Prepared p, EvalSetup setup) {
        // Only the agent's model: an evaluation never calls the proposer, which need not even be defined.
        JsonNode snapshot = new CampaignSnapshot(p.config(), p.models())
                .toJson(modelsFile.rawModel(p.config().models().agent()), null);
        ObjectNode withEval = (ObjectNode) snapshot.deepCopy();
        withEval.set("eval", Json.tree(Map.of("split", split)));
        CampaignStarted started = new CampaignStarted(
                p.id(),
                p.config().name(),
                withEval,
                p.config().seed(),
                Main.codeVersion(),
                setup.start().version());
        return List.of(
                NewEvent.keyed(started, "campaign-started"),
                NewEvent.keyed(LibrarySnapshots.snapshot(setup.start(), null), "library-snapshot"));
    }
}
