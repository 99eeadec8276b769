/**
 * The committed journal of accepted optimisations: entries and the append that keeps existing bytes, written
 * through {@code files}. Depends on {@code gate} (claim results), {@code model}, {@code stats} and {@code files};
 * never on Maven.
 */
package io.github.perfgate.journal;
