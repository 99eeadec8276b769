package io.github.perfgate.maven;

import io.github.perfgate.model.PerfgateException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place where the core's exceptions become Maven's: a {@link PerfgateException} of consequence
 * {@link PerfgateException.Consequence#FAILURE FAILURE} (a gate verdict) is a {@link MojoFailureException}, BUILD
 * FAILURE; one of consequence {@link PerfgateException.Consequence#ERROR ERROR} (bad input, a failed run) is a
 * {@link MojoExecutionException}, BUILD ERROR. The message is the core's, which says what happened and how to fix
 * it, prefixed with {@code perfgate: } unless it already names perfgate that way.
 */
final class Failures {

    static final String PREFIX = "perfgate: ";

    private Failures() {
    }

    /** A goal's body: the core calls of one Mojo, after its parameters were bound. */
    @FunctionalInterface
    interface Body {
        void run() throws PerfgateException;
    }

    /** Runs a goal's body, mapping what it throws. */
    static void mapped(Body body) throws MojoExecutionException, MojoFailureException {
        try {
            body.run();
        } catch (PerfgateException e) {
            if (e.consequence() == PerfgateException.Consequence.FAILURE) {
                // A verdict, not a fault: the message is all there is to show, so no cause is attached.
                throw new MojoFailureException(message(e));
            }
            throw new MojoExecutionException(message(e), e);
        }
    }

    static String message(PerfgateException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.startsWith(PREFIX) ? message : PREFIX + message;
    }
}
