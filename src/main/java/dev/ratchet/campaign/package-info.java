/**
 * The pure decider (folded {@code LoopState} to a sealed {@code Action}) and the runner doing its I/O.
 * Must not import: cli, bench, replay, report, log.sqlite, model.bench.
 */
package dev.ratchet.campaign;
