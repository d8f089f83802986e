/**
 * Pure folds from events to read models: campaign state, history, metrics, decision evidence.
 * Must not import our packages other than: log.event.
 */
package dev.ratchet.projection;
