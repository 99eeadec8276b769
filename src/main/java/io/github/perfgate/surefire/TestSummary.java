package io.github.perfgate.surefire;

import java.util.List;

/**
 * What this build's Surefire and Failsafe reports say about its tests.
 *
 * @param tests tests counted by the reports ({@code tests} attributes of the {@code testsuite} elements)
 * @param failures tests that failed an assertion
 * @param errors tests that threw an unexpected exception, including failing class setup such as {@code @BeforeAll}
 * @param skipped tests that were skipped or disabled
 * @param failingTests the failed and errored tests as {@code Class.method} (fully qualified class), in report order,
 *        each once; a failure outside any test method is named by its class alone
 * @param reportFiles the report files of this build that were read
 * @param notes what was left out and why (stale reports from an earlier build, unreadable files), as sentences
 */
public record TestSummary(int tests, int failures, int errors, int skipped, List<String> failingTests,
        int reportFiles, List<String> notes) {

    public TestSummary {
        failingTests = List.copyOf(failingTests);
        notes = List.copyOf(notes);
    }

    /** No report from this build: the tests did not run. */
    public static TestSummary none(List<String> notes) {
        return new TestSummary(0, 0, 0, 0, List.of(), 0, notes);
    }

    /** True when some test failed or errored. */
    public boolean failed() {
        return failures > 0 || errors > 0 || !failingTests.isEmpty();
    }

    /**
     * True when at least one test ran in this build: there is a fresh report, and not every test in it was skipped.
     * Builds with {@code -DskipTests} or {@code -Dmaven.test.skip=true} write no report, so they did not run tests.
     */
    public boolean ran() {
        return reportFiles > 0 && (tests > skipped || failed());
    }

    /** True when tests ran and none failed: the only state in which a claimed optimisation can be accepted. */
    public boolean passed() {
        return ran() && !failed();
    }

    /** Tests that ran and passed. */
    public int passedCount() {
        return Math.max(0, tests - failures - errors - skipped);
    }

    /**
     * One line for the build log, e.g. {@code 12 tests in 3 reports: 9 passed, 1 failed, 1 errored, 1 skipped} or
     * {@code no test report from this build}.
     */
    public String describe() {
        if (reportFiles == 0) {
            return "no test report from this build";
        }
        return tests + (tests == 1 ? " test" : " tests") + " in " + reportFiles
                + (reportFiles == 1 ? " report" : " reports") + ": " + passedCount() + " passed, " + failures
                + " failed, " + errors + " errored, " + skipped + " skipped";
    }
}
