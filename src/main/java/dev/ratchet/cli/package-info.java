/**
 * The picocli commands, which no other package imports: parse arguments, wire components, print.
 * Must not import: agent, gate, env.base, env.plugin.
 */
package dev.ratchet.cli;
