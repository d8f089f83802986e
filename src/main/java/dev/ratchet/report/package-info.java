/**
 * History, diffs and the HTML report, read from the log through projections.
 * Must not import our packages other than: log, log.event, projection.
 */
package dev.ratchet.report;
