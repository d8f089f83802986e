/**
 * Model clients: factory from config, one resilience layer, call records, response cache, replay.
 * Must not import our packages other than: config, log.event.
 */
package dev.ratchet.model;
