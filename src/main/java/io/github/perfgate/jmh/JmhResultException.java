package io.github.perfgate.jmh;

/** A JMH result file that is missing, unreadable or not in JMH's JSON format. */
public class JmhResultException extends Exception {

    private static final long serialVersionUID = 1L;

    public JmhResultException(String message) {
        super(message);
    }

    public JmhResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
