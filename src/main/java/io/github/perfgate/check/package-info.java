/**
 * The one decision point of {@code perfgate:check} and {@code perfgate:compare}: {@code CheckProcedure} goes from a
 * measurement and what it is compared with to one {@code Decision} ({@code Decider} words it), and the
 * {@code Recorder} acts on it (logs a pass, ends the build with a FAILURE, or writes the baseline, then the
 * journal); plus the up-front validation of every parameter. Depends on every core package; never on Maven. The
 * Mojos bind parameters, call it, and map its exceptions to Maven's in one place.
 */
package io.github.perfgate.check;
