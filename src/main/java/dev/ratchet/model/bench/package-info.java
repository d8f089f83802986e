/**
 * A loopback OpenAI-compatible endpoint for bench episodes.
 * Must not import our packages other than: log.event.
 */
package dev.ratchet.model.bench;
