package io.github.perfgate.gate;

/** What the gate concluded about one benchmark. */
public enum Verdict {
    /** Slower than the baseline by more than the tolerance, at the configured confidence. Fails the build. */
    REGRESSED("regressed"),
    /**
     * Time per operation within tolerance, but allocation per operation grew beyond its own tolerance (JMH's
     * {@code gc.alloc.rate.norm}). Fails the build.
     */
    ALLOCATION_REGRESSED("allocates more"),
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

    /** True for the verdicts that fail the build. */
    public boolean failing() {
        return this == REGRESSED || this == ALLOCATION_REGRESSED;
    }
}
