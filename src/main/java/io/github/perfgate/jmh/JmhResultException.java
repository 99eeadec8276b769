package io.github.perfgate.jmh;

import io.github.perfgate.model.PerfgateException;

/** A JMH result file that is missing, unreadable or not in JMH's JSON format. */
public class JmhResultException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public JmhResultException(String message) {
        super(message);
    }

    public JmhResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
