package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.campaign.CampaignRunner;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.model.Sleeper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
                    + " is repeated, and the decisions come out as if it had never stopped. Resuming a finished"
                    + " campaign writes again, from its log, any output that is missing or differs; a campaign killed"
                    + " before it recorded campaign.started is started afresh from --config."
        })
final class RunCommand implements Callable<Integer> {

    /** Opens a campaign's log for writing; tests substitute storage that fails. */
    @FunctionalInterface
    interface LogWriter {
        EventLog open(Path dbFile, SqliteOptions options, Clock clock);
    }

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

    @Option(
            names = "--campaign",
            paramLabel = "ID",
            description = "Campaign id (default: <config name>-<UTC time>); letters, digits, '.', '_' and '-',"
                    + " at most " + RunPlan.MAX_ID_LENGTH + " characters.")
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
    private final LogWriter writer;

    RunCommand(Host host) {
        this(host, Sleeper.system());
    }

    /** Tests record reproducible campaigns with a fixed clock and a sleeper that does not wait. */
    RunCommand(Host host, Sleeper sleeper) {
        this(host, sleeper, SqliteEventLog::open);
    }

    RunCommand(Host host, Sleeper sleeper, LogWriter writer) {
        this.host = host;
        this.sleeper = sleeper;
        this.writer = writer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (synchronousNormal) {
            err().println(
                            "warning: synchronous=NORMAL: events acknowledged in the last moments before a power loss may be lost");
        }
        Clock clock = host.clock();
        RunPlan plan = new RunPlan(runsDir, paths, modelsFile, config, err());
        RunPlan.Prepared prepared = resume != null ? plan.resume(resume, clock) : plan.fresh(campaignId, clock);
        int code = prepared.stopped().isPresent() ? refreshOutputs(prepared, clock) : run(prepared, clock);
        out.flush();
        return code;
    }

    private int run(RunPlan.Prepared prepared, Clock clock) {
        SqliteOptions options =
                new SqliteOptions(synchronousNormal, SqliteOptions.defaults().busyTimeout());
        // The setup validates environments and draws the splits: bad input fails here, before any file exists.
        try (CampaignSetup setup = setup(prepared, clock);
                EventLog log = writer.open(prepared.db(), options, clock)) {
            CampaignStopped stopped;
            // Standard output is the summary alone, so it can be piped or diffed; progress is chatter.
            Progress progress = new Progress(err(), clock, System.console() != null);
            progress.iteration(0, setup.config().iterations());
            try {
                if (prepared.fresh()) {
                    log.append(prepared.id(), 0, List.of(NewEvent.keyed(started(prepared, setup), "campaign-started")));
                    err().println("campaign " + prepared.id() + " → " + prepared.folder());
                } else {
                    err().println("resuming campaign " + prepared.id() + " from "
                            + log.head().map(h -> h.seq()).orElse(0L) + " events");
                }
                if (setup.world().isPresent()) {
                    err().println("models: simulated world (a deterministic simulator, not a real model)");
                }
                stopped = runner(prepared, setup, log, progress).run();
                Optional<Auditor.Plan> transfer = HoldoutTransfer.pending(setup, log);
                if (transfer.isPresent()) {
                    HoldoutTransfer.run(setup, log, prepared.id(), transfer.get(), progress, err());
                }
            } catch (ModelStopException | LogException e) {
                progress.endLine();
                // Appends are all-or-nothing, so whatever stopped the run left a log that resumes.
                err().println("ratchet: " + e.getMessage());
                err().println("the campaign stopped before finishing; continue it with: "
                        + runsDir.resumeCommand(prepared.db()));
                return ExitCodes.RUNTIME_FAILURE;
            }
            return writeOutputs(prepared, log, setup, stopped, false);
        }
    }

    /** A finished campaign has nothing to run; its outputs are checked against its log and written again if needed. */
    private int refreshOutputs(RunPlan.Prepared prepared, Clock clock) {
        PrintWriter out = spec.commandLine().getOut();
        CampaignStopped stopped = prepared.stopped().orElseThrow();
        out.println("campaign " + prepared.id() + " already finished (" + stopped.reason() + " — " + stopped.detail()
                + "): nothing to resume");
        try (CampaignSetup setup = setup(prepared, clock);
                SqliteEventLog log = SqliteEventLog.openReadOnly(prepared.db())) {
            if (HoldoutTransfer.pending(setup, log).isEmpty()) {
                return writeOutputs(prepared, log, setup, stopped, true);
            }
        }
        // Killed while measuring transfer: finish that, then write the outputs, as an uninterrupted run does.
        return run(prepared, clock);
    }

    private int writeOutputs(
            RunPlan.Prepared prepared, EventLog log, CampaignSetup setup, CampaignStopped stopped, boolean refresh) {
        PrintWriter out = spec.commandLine().getOut();
        RunOutputs.Written written;
        try {
            written = RunOutputs.write(prepared.folder(), log, setup, stopped, noReport);
        } catch (UncheckedIOException e) {
            err().println("ratchet: " + e.getMessage());
            err().println("the campaign itself is complete in its log; write its outputs with: "
                    + runsDir.resumeCommand(prepared.db()));
            return ExitCodes.RUNTIME_FAILURE;
        }
        if (!refresh) {
            written.lines().forEach(out::println);
        } else if (written.rewritten().isEmpty()) {
            out.println("its outputs match its log: " + prepared.folder().resolve("summary.txt"));
        } else {
            written.rewritten().forEach(file -> out.println("written again from the log: " + file));
            out.println("its summary: " + prepared.folder().resolve("summary.txt"));
        }
        return ExitCodes.OK;
    }

    private CampaignSetup setup(RunPlan.Prepared p, Clock clock) {
        return CampaignSetup.live(
                p.snapshot().config(),
                p.snapshot().models(),
                p.catalog(),
                p.start(),
                host.env(),
                clock,
                sleeper,
                Optional.of(runsDir.responseCache(p.id())),
                notice -> {
                    err().println("ratchet: " + notice);
                    err().flush();
                });
    }

    private CampaignRunner runner(RunPlan.Prepared p, CampaignSetup setup, EventLog log, Progress progress) {
        long startNanos = System.nanoTime();
        return setup.runner(log, p.id(), nextSeq -> Duration.ofNanos(System.nanoTime() - startNanos), progress);
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private CampaignStarted started(RunPlan.Prepared p, CampaignSetup setup) {
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
