package dev.ratchet.cli;

import picocli.CommandLine.Command;

/** The root command; every subcommand is wiring only. */
@Command(
        name = "ratchet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Improves an LLM agent's skills and prompt overnight, promoting an edit only when a held-out gate shows a net gain within a hard regression budget.",
            "Every step is an event in one append-only, hash-chained log per campaign (runs/<campaign>/events.db). Run `ratchet <command> --help` for details."
        },
        subcommands = {
            RunCommand.class,
            CalibrateCommand.class,
            ApplyCommand.class,
            EvalCommand.class,
            StatusCommand.class,
            LogCommand.class,
            VerifyCommand.class,
            ReplayCommand.class,
            EnvsCommand.class,
            ModelsCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            DiffCommand.class,
            ReportCommand.class,
            RecheckCommand.class,
            BisectCommand.class,
            RollbackCommand.class,
            AblateCommand.class,
            TransferCommand.class,
            BenchCommand.class,
            TortureCommand.class,
            WarmupCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  a check failed (verify found a bad link, replay diverged)",
            "  2  bad input or usage",
            "  3  runtime failure (I/O, provider unavailable, log locked by another writer)"
        })
public final class RatchetCommand {}
