package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignRunner;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.model.Sleeper;
import dev.ratchet.skill.Library;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs an improvement campaign, or resumes one.",
            "Without arguments runs config/demo.yaml: the simulated world on built-in composite environments, no network."
                    + " Every step is appended to runs/<campaign>/events.db; at the end the folder also holds the final"
                    + " library (library/), a summary (summary.txt) and the HTML report (report.html)."
                    + " A campaign interrupted in any way (kill -9 included) continues with --resume: nothing recorded"
                    + " is repeated, and the decisions come out as if it had never stopped."
        })
final class RunCommand implements Callable<Integer> {

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
            description = "Campaign config (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--campaign", paramLabel = "ID", description = "Campaign id (default: <config name>-<UTC time>).")
    String campaignId;

    @Option(
            names = "--resume",
            paramLabel = "ID",
            description = "Continue this campaign from its log; its recorded configuration is used, not the files.")
    String resume;

    @Option(
            names = "--synchronous-normal",
            description =
                    "Commit without waiting for fsync (faster; a power loss can drop the last events, never corrupt the log).")
    boolean synchronousNormal;

    @Option(names = "--no-report", description = "Do not write report.html at the end.")
    boolean noReport;

    private final Host host;
    private final Sleeper sleeper;

    RunCommand(Host host) {
        this(host, Sleeper.system());
    }

    /** Tests record reproducible campaigns with a fixed clock and a sleeper that does not wait. */
    RunCommand(Host host, Sleeper sleeper) {
        this.host = host;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (synchronousNormal) {
            err.println(
                    "warning: synchronous=NORMAL: events acknowledged in the last moments before a power loss may be lost");
        }
        Clock clock = host.clock();
        Prepared prepared = resume != null ? prepareResume() : prepareNew(clock);
        Path folder = runsDir.path.resolve(prepared.id());
        if (resume != null && finished(folder, out)) {
            out.flush();
            return ExitCodes.OK;
        }
        SqliteOptions options =
                new SqliteOptions(synchronousNormal, SqliteOptions.defaults().busyTimeout());
        // The setup validates environments and draws the splits: bad input fails here, before any file exists.
        try (CampaignSetup setup = CampaignSetup.live(
                        prepared.snapshot().config(),
                        prepared.snapshot().models(),
                        prepared.catalog(),
                        prepared.start(),
                        host.env(),
                        clock,
                        sleeper,
                        Optional.of(runsDir.responseCache(prepared.id())));
                SqliteEventLog log = SqliteEventLog.open(folder.resolve("events.db"), options, clock)) {
            if (resume == null) {
                log.append(prepared.id(), 0, List.of(NewEvent.keyed(started(prepared, setup), "campaign-started")));
                out.println("campaign " + prepared.id() + " → " + folder);
            } else {
                out.println("resuming campaign " + prepared.id() + " from "
                        + log.head().map(h -> h.seq()).orElse(0L) + " events");
            }
            if (setup.world().isPresent()) {
                out.println("models: simulated world (a deterministic simulator, not a real model)");
            }
            Progress progress = Progress.onStandardOutput(clock);
            long startNanos = System.nanoTime();
            CampaignRunner runner = setup.runner(
                    log, prepared.id(), nextSeq -> Duration.ofNanos(System.nanoTime() - startNanos), progress::accept);
            CampaignStopped stopped;
            try {
                stopped = runner.run();
            } catch (ModelStopException e) {
                err.println("ratchet: " + e.getMessage());
                err.println("the campaign stopped before finishing; continue it with: ratchet run --resume "
                        + prepared.id());
                return ExitCodes.RUNTIME_FAILURE;
            }
            RunOutputs.write(folder, log, setup, stopped, noReport, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Whether the campaign to resume has already stopped and left its outputs: then there is
     * nothing to do. A campaign killed after its last event but before writing its summary is
     * finished by running on, which appends nothing and writes the outputs.
     */
    private static boolean finished(Path folder, PrintWriter out) {
        Optional<CampaignStopped> stopped;
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(folder.resolve("events.db"));
                Stream<RecordedEvent> events = log.read(EventQuery.all().types(Set.of("campaign.stopped")))) {
            stopped = events.map(e -> (CampaignStopped) e.event()).findFirst();
        }
        if (stopped.isEmpty()) {
            return false;
        }
        out.println("campaign " + folder.getFileName() + " already finished ("
                + stopped.get().reason() + " — " + stopped.get().detail() + "): nothing to resume");
        if (Files.isRegularFile(folder.resolve("summary.txt"))) {
            out.println("its summary: " + folder.resolve("summary.txt"));
            return true;
        }
        out.println("its summary was never written (the run stopped right after its last event): writing it now");
        return false;
    }

    private record Prepared(String id, CampaignSnapshot snapshot, EnvironmentCatalog catalog, Library start) {}

    private Prepared prepareNew(Clock clock) {
        if (!Files.isRegularFile(config)) {
            throw new UsageException("no campaign config at " + config + " (give one with --config FILE)");
        }
        CampaignConfig campaign = CampaignConfigLoader.load(config);
        ModelConfigs models = modelsFile.models();
        models.get(campaign.models().agent());
        models.get(campaign.models().requiredProposer());
        String id = campaignId != null ? campaignId : campaign.name() + "-" + ID_TIME.format(clock.instant());
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UsageException("--campaign " + id + ": use letters, digits, '.', '_' and '-' only");
        }
        if (Files.exists(runsDir.path.resolve(id).resolve("events.db"))) {
            throw new UsageException("campaign " + id + " already exists in " + runsDir.path
                    + "; continue it with --resume " + id + " or choose another --campaign");
        }
        return new Prepared(id, new CampaignSnapshot(campaign, models), paths.catalog(campaign), paths.library(err()));
    }

    private Prepared prepareResume() {
        Path db = runsDir.logFile(resume);
        String id = db.toAbsolutePath().getParent().getFileName().toString();
        RecordedCampaign recorded = RecordedCampaign.read(db);
        CampaignSnapshot snapshot = recorded.snapshot();
        return new Prepared(id, snapshot, paths.catalog(snapshot.config()), recorded.startLibrary(paths, err()));
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private CampaignStarted started(Prepared p, CampaignSetup setup) {
        CampaignSnapshot s = p.snapshot();
        return new CampaignStarted(
                p.id(),
                s.config().name(),
                s.toJson(
                        modelsFile.rawModel(s.config().models().agent()),
                        modelsFile.rawModel(s.config().models().proposer())),
                s.config().seed(),
                Main.codeVersion(),
                setup.start().version());
    }
}
