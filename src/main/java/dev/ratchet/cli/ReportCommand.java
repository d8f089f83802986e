package dev.ratchet.cli;

import dev.ratchet.log.EventLog;
import dev.ratchet.report.HtmlReport;
import dev.ratchet.report.ReportData;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet report}: the morning report, one self-contained HTML file. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the campaign's report: one self-contained HTML file.",
            "Opens offline: accuracy per iteration and per environment with 95%% Wilson intervals; promotions and rejections with reasons, fixes and regressions, and a drill-down to each decision's items with the baseline's and the candidate's transcripts; failure kinds over time; spend; and a short list of what to review. When the agent was the simulator, its ground truth is shown beside the measurements, labelled as the simulator's. Default: report.html beside the campaign's events.db."
        })
public final class ReportCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CAMPAIGN",
            description = "A campaign id (runs/<id>/events.db) or a path to an events.db.")
    String campaign;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the report (default: report.html in the campaign folder).")
    Path out;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Spec
    CommandSpec spec;

    private final EventLogOpener opener;

    public ReportCommand() {
        this(EventLogOpener.DEFAULT);
    }

    ReportCommand(EventLogOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        Path db = runsDir.logFile(campaign);
        Path target = out != null ? out : db.toAbsolutePath().getParent().resolve("report.html");
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--out " + target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + target + ": is a directory; give a file name");
        }
        ReportData data;
        try (EventLog log = opener.open(db)) {
            data = ReportData.read(
                    log, ReportTruth.of(log, db.toString(), spec.commandLine().getErr()));
        }
        if (data.view().overview().campaignId() == null) {
            throw new UsageException(db + ": not a campaign log (it has no campaign.started event)");
        }
        write(target, data, db.toString());
        PrintWriter w = spec.commandLine().getOut();
        w.println("report written to " + target);
        w.flush();
        return ExitCodes.OK;
    }

    /**
     * Renders {@code view} and writes it to {@code target}: beside it first, then moved into place,
     * so that a failed write never leaves half a report. Other commands (a demo campaign) call this
     * to leave a report in the campaign folder.
     */
    static OutputFile.Outcome write(Path target, ReportData data, String source) {
        return OutputFile.write(target, HtmlReport.render(data, source));
    }
}
