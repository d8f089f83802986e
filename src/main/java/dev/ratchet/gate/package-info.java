/**
 * The gate's statistics: betting tests, confidence sequence, per-environment guard, item states.
 * Must not import any other package of ours.
 */
package dev.ratchet.gate;
