/**
 * Environments made from the task suites a person writes.
 * Must not import our packages other than: env, text.
 */
package dev.ratchet.env.suite;
