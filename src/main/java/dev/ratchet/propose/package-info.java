/**
 * Failure detectors and clusters, proposer prompts, and parsed, statically checked edits.
 * Must not import our packages other than: env, log.event, skill.
 */
package dev.ratchet.propose;
