package dev.ratchet.cli;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.event.Event;
import dev.ratchet.projection.SyntheticCampaign;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs an audit command as {@code ratchet} would (same exit-code mapping and error handling) against
 * a campaign folder in a temp dir whose events.db is an in-memory log: the opener records which file
 * it was asked for and serves the synthesized events.
 */
final class ReportingCli {

    final Path runs;
    final Path db;
    final List<Path> opened = new ArrayList<>();
    private final List<Event> events;

    ReportingCli(Path tempDir, List<Event> events) {
        this.runs = tempDir.resolve("runs");
        this.db = runs.resolve(SyntheticCampaign.ID).resolve("events.db");
        this.events = events;
        try {
            Files.createDirectories(db.getParent());
            Files.writeString(db, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EventLog open(Path file) {
        opened.add(file);
        return SyntheticCampaign.log(events);
    }

    /** The outcome of one command line. */
    record Result(int exitCode, String out, String err) {}

    Result run(Function<EventLogOpener, Object> command, String... args) {
        CommandLine cli = new CommandLine(command.apply(this::open));
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        cli.setExecutionExceptionHandler(Failures::handle);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--runs-dir");
        all.add(runs.toString());
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
