/**
 * The committed journal of accepted optimisations: entries and the append that keeps existing bytes. Depends on
 * {@code gate} and {@code io}; never on Maven.
 */
package io.github.perfgate.journal;
