/**
 * The benchmarks behind {@code ratchet bench}, each a median against a baseline from the same run.
 * Must not import: cli, replay, report.
 */
package dev.ratchet.bench;
