/**
 * The SQLite event log (the only JDBC in the project) and the raw-SQLite baseline of bench log.
 * Must not import our packages other than: log, log.event.
 */
package dev.ratchet.log.sqlite;
