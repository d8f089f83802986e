/**
 * The simulated world: a deterministic agent and proposer with hidden skill effects.
 * Must not import our packages other than: config, env, log.event, model, skill.
 */
package dev.ratchet.model.simulated;
