package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.report.AuditText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet rollback}: an earlier version becomes the campaign's current library again. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Makes an earlier library version the campaign's current one again, as an event.",
            "Appends library.rolled-back (from, to, your reason) to the campaign's log; nothing is deleted. The"
                    + " version must be one the campaign was at: initial, or a promoted version (or a unique"
                    + " prefix of at least four characters). history, diff (current), apply, report and replay"
                    + " follow it; an interrupted campaign resumed with run --resume starts its next iteration from"
                    + " it, and run --resume on a finished one writes its library/, summary and report again."
        })
final class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "A campaign id, folder or events.db.")
    String campaign;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version to make current again.")
    String version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded in the log.")
    String reason;

    @Option(names = "--json", description = "Print the recorded rollback as JSON.")
    boolean json;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditSession session = AuditSession.read(runsDir, campaign);
        LibraryRolledBack rollback = Auditor.rollback(session.state(), version, reason);
        Path db = runsDir.logFile(campaign);
        try (SqliteEventLog log =
                SqliteEventLog.open(db, SqliteOptions.defaults(), Host.system().clock())) {
            String stream = streamOf(log);
            log.append(stream, log.streamVersion(stream), List.of(NewEvent.of(rollback)));
        }
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fromVersion", rollback.fromVersion());
            row.put("toVersion", rollback.toVersion());
            row.put("reason", rollback.reason());
            row.put("iteration", rollback.iteration());
            out.print(AuditJson.write(row));
        } else {
            out.println(AuditText.rollback(rollback));
            out.println(
                    "the campaign's current library is now " + rollback.toVersion()
                            + "; `ratchet run --resume` continues from it (or, for a finished campaign, writes its outputs again)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String streamOf(SqliteEventLog log) {
        try (var events = log.read(dev.ratchet.log.EventQuery.all())) {
            return events.findFirst().orElseThrow().stream();
        }
    }
}
