package io.github.perfgate.revision;

import io.github.perfgate.model.PerfgateException;

/** git or the build of the against side failed: a BUILD ERROR whose message says what happened and the fix. */
public final class RevisionException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public RevisionException(String message) {
        super(message);
    }

    public RevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
