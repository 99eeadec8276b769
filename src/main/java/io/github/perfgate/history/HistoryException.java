package io.github.perfgate.history;

import io.github.perfgate.model.PerfgateException;

/** The history cannot be read or written; the message names the store and says why. */
public class HistoryException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
