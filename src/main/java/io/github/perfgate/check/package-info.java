/**
 * The procedure of {@code perfgate:check} from a measurement and its baseline to one decision, and the up-front
 * validation of every parameter. Depends on every core package; never on Maven. The Mojos call it and map its
 * decision to the log and to Maven exceptions.
 */
package io.github.perfgate.check;
