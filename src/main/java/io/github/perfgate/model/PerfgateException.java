package io.github.perfgate.model;

import java.util.Objects;

/**
 * The base of every exception perfgate's core throws. The message is written for the user: it says what happened
 * and how to fix it, so a caller shows it as it is. The {@link Consequence} says what the build does with it; the
 * Maven layer maps it, in one place, to a BUILD FAILURE or a BUILD ERROR.
 */
public class PerfgateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What the build does when this exception ends it. */
    public enum Consequence {
        /** Something went wrong (bad input, a failed run): BUILD ERROR. */
        ERROR,
        /** The gate's verdict: the code measured does not pass (BUILD FAILURE). */
        FAILURE
    }

    private final Consequence consequence;

    /** An error (BUILD ERROR). */
    public PerfgateException(String message) {
        this(Consequence.ERROR, message, null);
    }

    /** An error (BUILD ERROR) with its cause. */
    public PerfgateException(String message, Throwable cause) {
        this(Consequence.ERROR, message, cause);
    }

    public PerfgateException(Consequence consequence, String message, Throwable cause) {
        super(message, cause);
        this.consequence = Objects.requireNonNull(consequence, "consequence");
    }

    /** What the build does with this exception. */
    public Consequence consequence() {
        return consequence;
    }
}
