/**
 * The built-in base environments.
 * Must not import our packages other than: env.
 */
package dev.ratchet.env.base;
