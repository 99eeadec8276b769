package io.github.perfgate.baseline;

import java.util.List;

/**
 * A baseline that is well-formed JSON of the right format but holds values that cannot be compared (NaN, zero or
 * negative samples, empty forks, an unknown unit); {@link #problems()} lists every one.
 */
public class InvalidBaselineException extends BaselineException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidBaselineException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each, the first one being the one the message names. */
    public List<String> problems() {
        return problems;
    }
}
