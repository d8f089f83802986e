/**
 * Typed campaign and model configuration, loaded from YAML and validated with file, line and key.
 * Must not import our packages other than: log.event, text.
 */
package dev.ratchet.config;
