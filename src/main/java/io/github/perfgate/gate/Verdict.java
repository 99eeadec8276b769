package io.github.perfgate.gate;

/** What the gate concluded about one benchmark. */
public enum Verdict {
    /** Slower than the baseline by more than the tolerance, at the configured confidence. Fails the build. */
    REGRESSED("regressed"),
    /** The interval of the change reaches past the tolerance, but does not clear it: the data cannot decide. */
    INCONCLUSIVE("inconclusive"),
    /** No change beyond the tolerance. */
    UNCHANGED("unchanged"),
    /** Faster than the baseline by more than the tolerance, and certainly faster. */
    IMPROVED("improved"),
    /** Measured now, but not in the baseline. */
    NEW("new"),
    /** In the baseline, but not measured now. */
    MISSING("missing"),
    /** In the baseline under another JMH mode; the two are not compared. */
    MODE_CHANGED("mode changed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
