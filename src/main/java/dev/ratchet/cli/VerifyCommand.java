package dev.ratchet.cli;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a log's integrity and every link of its hash chain.",
            "Runs SQLite's integrity check, then checks gapless seq, previous-hash links, recomputed hashes, stream versions, known types and that every payload decodes. Prints the event count and the head hash: anchor them elsewhere, since a chain alone cannot reveal a truncated tail or a wholesale rewrite. Exit 1 names the first bad seq and what is wrong with it."
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Parameters(
            index = "0",
            paramLabel = "<campaign|path>",
            description = "Campaign id under runs/, or a path to an events.db.")
    String campaign;

    @Option(
            names = "--expect-head",
            paramLabel = "HASH",
            description = "Fail unless the chain ends at this hash (hex, as printed by an earlier verify).")
    String expectHead;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(runsDir.logFile(campaign))) {
            List<String> integrity = log.integrityCheck();
            if (!integrity.equals(List.of("ok"))) {
                throw new CheckFailedException(
                        "SQLite integrity check failed for " + log.file() + ": " + String.join("; ", integrity));
            }
            ChainVerifier.Report report = ChainVerifier.verify(log.read(EventQuery.all()));
            if (report.problem().isPresent()) {
                ChainVerifier.Problem p = report.problem().get();
                String where =
                        p.kind() == ChainVerifier.Kind.PAYLOAD ? "event corrupt at seq " : "chain broken at seq ";
                throw new CheckFailedException(
                        where + p.seq() + ": " + p.what() + " (" + report.count() + " events verified before it)");
            }
            // Every check before any "ok": a failing verify must not print a reassuring line first.
            if (expectHead != null && !expectHead.equalsIgnoreCase(report.headHash())) {
                throw new CheckFailedException("head hash " + report.headHash() + " differs from the expected "
                        + expectHead + ": the log was truncated, extended or rewritten since that hash was taken ("
                        + report.count() + " events, chain intact up to seq " + report.headSeq() + ")");
            }
            out.println("ok: " + report.count() + " events, chain intact");
            out.println("head seq:  " + report.headSeq());
            out.println("head hash: " + report.headHash());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
