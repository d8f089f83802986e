/**
 * The seeded checks behind {@code ratchet torture} and CI's quick run of them: kills, torn logs, tampers, bad input.
 * Must not import: cli, campaign, replay, report, bench.
 */
package dev.ratchet.torture;
