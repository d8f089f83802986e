/**
 * Strict UTF-8 reading of every file a person writes.
 * Must not import any other package of ours.
 */
package dev.ratchet.text;
