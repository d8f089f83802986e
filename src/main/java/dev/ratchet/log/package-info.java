/**
 * The EventLog port, recorded events and queries, the hash chain and its verifier, an in-memory log.
 * Must not import our packages other than: log.event.
 */
package dev.ratchet.log;
