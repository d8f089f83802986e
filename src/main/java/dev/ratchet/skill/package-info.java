/**
 * The bounded, versioned skill library, its files and prompt sections.
 * Must not import our packages other than: log.event, text.
 */
package dev.ratchet.skill;
