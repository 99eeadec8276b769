package io.github.perfgate.profile;

import io.github.perfgate.model.PerfgateException;

/** A profile could not be read or holds nothing to report; the message says what to do about it. */
public class ProfileException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
