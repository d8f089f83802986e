/**
 * Environments loaded from plugin jars.
 * Must not import our packages other than: env.
 */
package dev.ratchet.env.plugin;
