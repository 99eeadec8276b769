package io.github.perfgate.profile;

/** A profile could not be read or holds nothing to report; the message says what to do about it. */
public class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
