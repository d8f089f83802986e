package dev.ratchet.cli;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventType;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a campaign's events in seq order.",
            "Streams from disk, so a million-event log is fine. Without --json: one line per event (seq, type, stream#version, payload)."
                    + " Every event is verified as it streams (its link in the hash chain, and that its payload"
                    + " decodes), from seq 1 whatever --from says: a corrupt log prints the events before the first"
                    + " bad one, then exits 1 naming its seq."
        })
final class LogCommand implements Callable<Integer> {

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
            names = "--type",
            paramLabel = "T",
            split = ",",
            description = "Only these event types (e.g. gate.decided); repeatable or comma-separated.")
    Set<String> types = Set.of();

    @Option(
            names = "--from",
            paramLabel = "SEQ",
            defaultValue = "1",
            description = "Start at this seq (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--json", description = "One JSON object per line: the envelope and the payload.")
    boolean json;

    @Override
    public Integer call() {
        for (String t : types) {
            if (EventType.named(t).isEmpty()) {
                throw new UsageException("unknown event type '" + t + "'; known types: "
                        + Arrays.stream(EventType.values())
                                .map(EventType::typeName)
                                .collect(Collectors.joining(", ")));
            }
        }
        if (from < 1) {
            throw new UsageException("--from must be >= 1, got " + from);
        }
        PrintWriter out = spec.commandLine().getOut();
        EventQuery shown = EventQuery.all().types(types).from(from);
        ChainVerifier.Report report;
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(runsDir.logFile(campaign))) {
            report = ChainVerifier.decodeWhile(log.read(EventQuery.all()), (e, decoded) -> {
                if (shown.matches(e)) {
                    out.println(json ? jsonLine(e) : textLine(e));
                }
            });
        }
        out.flush();
        if (report.problem().isPresent()) {
            ChainVerifier.Problem p = report.problem().get();
            throw new CheckFailedException("the log is corrupt at seq " + p.seq() + ": " + p.what()
                    + " (the events before it were printed; `ratchet verify` checks every link)");
        }
        return ExitCodes.OK;
    }

    private static String textLine(RecordedEvent e) {
        return String.format("%8d  %-26s %s#%d  %s", e.seq(), e.type(), e.stream(), e.version(), e.payloadText());
    }

    private static String jsonLine(RecordedEvent e) {
        return "{\"seq\":" + e.seq() + ",\"stream\":" + quote(e.stream()) + ",\"version\":" + e.version() + ",\"type\":"
                + quote(e.type()) + ",\"schema_version\":" + e.schemaVersion() + ",\"recorded_at\":"
                + quote(e.recordedAt()) + ",\"hash\":" + quote(e.hashHex()) + ",\"payload\":" + e.payloadText() + "}";
    }

    private static String quote(String s) {
        return dev.ratchet.log.event.Json.write(s);
    }
}
