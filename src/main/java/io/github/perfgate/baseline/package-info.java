/**
 * The committed baseline file: reading with content validation ({@code BaselineStore}, {@code BaselineEntries},
 * {@code BaselineValidator}), atomic writing through {@code files}, result files of either kind, and the update
 * that turns a run into the next baseline. Depends on {@code model}, {@code files} and {@code jmh} (its JSON
 * number helpers); never on Maven.
 */
package io.github.perfgate.baseline;
