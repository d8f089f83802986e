/**
 * The picocli commands: parse arguments, wire the components together, print results.
 * May import any package of ours; no other package may import it.
 */
package dev.ratchet.cli;
