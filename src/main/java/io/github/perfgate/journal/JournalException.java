package io.github.perfgate.journal;

import io.github.perfgate.model.PerfgateException;

/** The journal cannot be written; the message says why, and that the file was left unchanged. */
public class JournalException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
