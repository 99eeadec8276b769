package io.github.perfgate.baseline;

import io.github.perfgate.model.PerfgateException;

/** A baseline file that cannot be read or written; the message says why and how to fix it. */
public class BaselineException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
