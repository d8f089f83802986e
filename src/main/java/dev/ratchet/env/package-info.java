/**
 * Environments, instances, outcomes, verifiers and seeds, and the catalogue over the subpackages.
 * Must not import our packages other than: env.base, env.compose, env.plugin, env.suite.
 */
package dev.ratchet.env;
