package io.github.perfgate.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads genuine Surefire and Failsafe 3.5.2 reports (see the README beside the fixtures for how they were made).
 */
class SurefireReportsTest {

    private static final String FIXTURES = "/io/github/perfgate/tests/";

    /** When "this build" started in these tests. */
    private static final Instant BUILD_START = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path target;

    private Path surefire;
    private Path failsafe;

    @BeforeEach
    void directories() {
        surefire = target.resolve("surefire-reports");
        failsafe = target.resolve("failsafe-reports");
    }

    /** Copies a fixture directory into {@code to}, every file modified at {@code modified}. */
    private static void copy(String fixture, Path to, Instant modified) throws IOException, URISyntaxException {
        URL url = SurefireReportsTest.class.getResource(FIXTURES + fixture);
        assertThat(url).as(fixture).isNotNull();
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(file.getFileName().toString());
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, copy);
                }
                Files.setLastModifiedTime(copy, FileTime.from(modified));
            }
        }
    }

    private static void write(Path file, String text, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private TestSummary read() {
        return SurefireReports.read(List.of(surefire, failsafe), BUILD_START);
    }

    @Test
    void countsSurefireAndFailsafeReportsAndNamesTheFailingTests() throws Exception {
        Instant during = BUILD_START.plusSeconds(30);
        copy("surefire-3.5.2/surefire-reports", surefire, during);
        copy("surefire-3.5.2/failsafe-reports", failsafe, during);

        TestSummary summary = read();

        // ParserTest: 4 tests, 1 failure, 1 error, 1 disabled; WriterTest: 1 passing; RoundTripIT: 2, 1 failure
        assertThat(summary.reportFiles()).isEqualTo(3);
        assertThat(summary.tests()).isEqualTo(7);
        assertThat(summary.failures()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.passedCount()).isEqualTo(3);
        assertThat(summary.failingTests()).containsExactly("acme.ParserTest.parsesNegativeNumbers",
                "acme.ParserTest.rejectsGarbage", "acme.RoundTripIT.roundTripsUnicode");
        assertThat(summary.notes()).isEmpty();
        assertThat(summary.ran()).isTrue();
        assertThat(summary.failed()).isTrue();
        assertThat(summary.passed()).isFalse();
        assertThat(summary.describe()).isEqualTo("7 tests in 3 reports: 3 passed, 2 failed, 1 errored, 1 skipped");
    }

    @Test
    void passingReportsPass() throws Exception {
        copy("surefire-3.5.2/surefire-reports", surefire, BUILD_START.plusSeconds(5));
        Files.delete(surefire.resolve("TEST-acme.ParserTest.xml"));

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(1);
        assertThat(summary.tests()).isEqualTo(1);
        assertThat(summary.passed()).isTrue();
        assertThat(summary.failingTests()).isEmpty();
    }

    @Test
    void failuresOutsideTestMethodsAndParameterisedAndNestedTestsAreNamed() throws Exception {
        // @BeforeAll that throws, a parameterised test, a @Nested class, run with rerunFailingTestsCount=1
        copy("surefire-3.5.2-rerun/surefire-reports", surefire, BUILD_START);

        TestSummary summary = read();

        // Surefire 3.5.2 puts the flaky test's first failure in the nested class's report, without marking it
        // flaky; perfgate counts it as failed rather than guess.
        assertThat(summary.failingTests()).containsExactly("acme.SetupTest", "acme.ShapesTest.flaky",
                "acme.ShapesTest.positive(int)[2]", "acme.ShapesTest$Inner.nestedFails");
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.failures()).isEqualTo(2);
        assertThat(summary.failed()).isTrue();
    }

    @Test
    void reportsFromAnEarlierBuildMeanTheTestsDidNotRun() throws Exception {
        // yesterday's tests; today's build passed -DskipTests and wrote nothing
        copy("surefire-3.5.2/surefire-reports", surefire, BUILD_START.minus(Duration.ofDays(1)));
        copy("surefire-3.5.2/failsafe-reports", failsafe, BUILD_START.minus(Duration.ofMinutes(3)));

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isZero();
        assertThat(summary.ran()).isFalse();
        assertThat(summary.failed()).isFalse();
        assertThat(summary.passed()).isFalse();
        assertThat(summary.failingTests()).isEmpty();
        assertThat(summary.notes()).containsExactly(
                "Ignored 3 test reports older than this build (left from an earlier build).");
        assertThat(summary.describe()).isEqualTo("no test report from this build");
    }

    @Test
    void onlyThisBuildsReportsCount() throws Exception {
        copy("surefire-3.5.2/surefire-reports", surefire, BUILD_START.minus(Duration.ofHours(1)));
        copy("surefire-3.5.2/failsafe-reports", failsafe, BUILD_START.plusSeconds(90));

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(1);
        assertThat(summary.failingTests()).containsExactly("acme.RoundTripIT.roundTripsUnicode");
        assertThat(summary.notes()).containsExactly(
                "Ignored 2 test reports older than this build (left from an earlier build).");
    }

    @Test
    void aReportWrittenAtTheStartOrWithinTheClockSlackCounts() throws Exception {
        copy("surefire-3.5.2/surefire-reports", surefire, BUILD_START);
        Files.setLastModifiedTime(surefire.resolve("TEST-acme.WriterTest.xml"),
                FileTime.from(BUILD_START.minusMillis(1500)));
        Files.setLastModifiedTime(surefire.resolve("TEST-acme.ParserTest.xml"),
                FileTime.from(BUILD_START.minus(SurefireReports.CLOCK_SLACK).minusSeconds(1)));

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(1);
        assertThat(summary.tests()).isEqualTo(1);
    }

    @Test
    void emptyOrAbsentDirectoriesMeanTheTestsDidNotRun() throws Exception {
        Files.createDirectories(surefire);

        TestSummary summary = read();

        assertThat(summary.ran()).isFalse();
        assertThat(summary.reportFiles()).isZero();
        assertThat(summary.notes()).isEmpty();
        assertThat(SurefireReports.read(List.of(), BUILD_START).ran()).isFalse();
    }

    @Test
    void onlyTestXmlFilesAreRead() throws Exception {
        // failsafe-summary.xml and the .txt reports sit beside the TEST-*.xml files
        copy("surefire-3.5.2/failsafe-reports", failsafe, BUILD_START);
        write(failsafe.resolve("junk.xml"), "not xml", BUILD_START);
        Files.createDirectories(failsafe.resolve("TEST-directory.xml"));

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(1);
        assertThat(summary.notes()).isEmpty();
    }

    @Test
    void aMalformedReportIsSkippedWithANote() throws Exception {
        copy("surefire-3.5.2/surefire-reports", surefire, BUILD_START);
        String real = Files.readString(surefire.resolve("TEST-acme.WriterTest.xml"));
        // a report cut off mid-write, e.g. by a crashed fork
        write(surefire.resolve("TEST-acme.Truncated.xml"), real.substring(0, real.length() / 2), BUILD_START);
        write(surefire.resolve("TEST-acme.Empty.xml"), "", BUILD_START);
        write(surefire.resolve("TEST-acme.Other.xml"), "<?xml version=\"1.0\"?><coverage/>", BUILD_START);

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(2);
        assertThat(summary.tests()).isEqualTo(5);
        assertThat(summary.failingTests()).hasSize(2);
        assertThat(summary.notes()).hasSize(3);
        assertThat(summary.notes().get(0)).startsWith("Skipped test report " + surefire.resolve(
                "TEST-acme.Empty.xml") + ": cannot be parsed as XML (");
        assertThat(summary.notes().get(1)).isEqualTo("Skipped " + surefire.resolve("TEST-acme.Other.xml")
                + ": not a Surefire or Failsafe test report (no testsuite element).");
        assertThat(summary.notes().get(2)).startsWith("Skipped test report " + surefire.resolve(
                "TEST-acme.Truncated.xml") + ": cannot be parsed as XML (").doesNotContain("\n");
    }

    @Test
    void onlyMalformedReportsMeanTheTestsDidNotRun() throws Exception {
        write(surefire.resolve("TEST-acme.Broken.xml"), "<testsuite tests=\"3\" failures=\"0\"", BUILD_START);

        TestSummary summary = read();

        assertThat(summary.ran()).isFalse();
        assertThat(summary.notes()).singleElement().asString().contains("cannot be parsed as XML");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = target.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        write(surefire.resolve("TEST-acme.Xxe.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE testsuite [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuite name=\"acme.Xxe\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                + "  <testcase name=\"&x;\" classname=\"acme.Xxe\"><failure message=\"&x;\"/></testcase>\n"
                + "</testsuite>\n", BUILD_START);

        TestSummary summary = read();

        assertThat(summary.failingTests()).noneMatch(t -> t.contains("TOP-SECRET"));
        assertThat(summary.notes()).noneMatch(n -> n.contains("TOP-SECRET"));
        assertThat(summary.reportFiles()).isZero();
        assertThat(summary.notes()).singleElement().asString().contains("TEST-acme.Xxe.xml");
    }

    @Test
    void hundredsOfReportsAreSummedAndEachFailingTestListedOnce() throws Exception {
        for (int i = 0; i < 300; i++) {
            write(surefire.resolve(String.format("TEST-acme.Case%03dTest.xml", i)),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"acme.Case" + i + "Test\" tests=\"2\""
                            + " errors=\"0\" skipped=\"0\" failures=\"" + (i % 100 == 0 ? 1 : 0) + "\">\n"
                            + "  <testcase name=\"a\" classname=\"acme.Case" + i + "Test\" time=\"0.001\"/>\n"
                            + "  <testcase name=\"b\" classname=\"acme.Case" + i + "Test\" time=\"0.001\">"
                            + (i % 100 == 0 ? "<failure message=\"no\"><![CDATA[<failure/>]]></failure>" : "")
                            + "</testcase>\n</testsuite>\n", BUILD_START);
        }

        TestSummary summary = read();

        assertThat(summary.reportFiles()).isEqualTo(300);
        assertThat(summary.tests()).isEqualTo(600);
        assertThat(summary.failures()).isEqualTo(3);
        assertThat(summary.failingTests()).containsExactly("acme.Case0Test.b", "acme.Case100Test.b",
                "acme.Case200Test.b");
    }
}
