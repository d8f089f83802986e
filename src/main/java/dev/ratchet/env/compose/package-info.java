/**
 * Composition (SEQUENTIAL, PARALLEL, SORT, SELECT), composite ids, type-directed enumeration.
 * Must not import our packages other than: env.
 */
package dev.ratchet.env.compose;
