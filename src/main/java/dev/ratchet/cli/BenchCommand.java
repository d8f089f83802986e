package dev.ratchet.cli;

import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks, each against a baseline measured in the same run.",
            "Figures are medians over repetitions with their ratio to the baseline; --json prints one object per figure.",
            "bench gate is the exception: it measures the gate's decisions against the simulated world's ground truth."
        },
        subcommands = {
            BenchLogCommand.class,
            BenchFoldCommand.class,
            BenchEnvsCommand.class,
            BenchEpisodesCommand.class,
            BenchGateCommand.class
        })
final class BenchCommand {}
