/**
 * Strict replay: regenerate a campaign from its log and name the first divergent event.
 * Must not import: cli, bench, report, log.sqlite.
 */
package dev.ratchet.replay;
