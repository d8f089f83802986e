/**
 * Runs one episode (prompt, tool loop, verification) and the pool that runs many in order.
 * Must not import our packages other than: env, log, log.event, model, skill.
 */
package dev.ratchet.agent;
