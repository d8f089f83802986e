/**
 * The sealed event catalogue: one record per type, stable JSON type names, the canonical codec.
 * Must not import any other package of ours.
 */
package dev.ratchet.log.event;
