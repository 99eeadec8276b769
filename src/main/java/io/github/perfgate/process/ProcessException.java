package io.github.perfgate.process;

import io.github.perfgate.model.PerfgateException;
import java.util.List;
import java.util.Objects;

/**
 * A supervised process that did not run to its end. By the time this is thrown the process and everything it started
 * have been stopped. The message is generic; callers that know what the process was for (JMH, the calibration) say
 * it in their own words from the {@link #kind()}.
 */
public final class ProcessException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    /** Why the process did not run to its end. */
    public enum Kind {
        /** The JVM could not be started (no such executable, no permission); the cause says why. */
        START_FAILED,
        /** The deadline passed before the process ended; it was stopped. */
        TIMEOUT,
        /** The build's JVM is shutting down (Ctrl-C, SIGTERM); the process was stopped. */
        INTERRUPTED
    }

    private final Kind kind;
    private final List<String> outputTail;

    ProcessException(Kind kind, String message, Throwable cause, List<String> outputTail) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outputTail = List.copyOf(outputTail);
    }

    public Kind kind() {
        return kind;
    }

    /** The last lines the process printed before it was stopped (see {@link OutputTail}). */
    public List<String> outputTail() {
        return outputTail;
    }
}
