package io.github.perfgate.surefire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML reports that Surefire ({@code target/surefire-reports}) and Failsafe
 * ({@code target/failsafe-reports}) write, one {@code TEST-<class>.xml} per test class, to tell whether this
 * build's tests ran and passed.
 *
 * <p>Only reports written by this build count: a file last modified before {@code notBefore} is left over from an
 * earlier build (for example, tests ran yesterday and today's build passed {@code -DskipTests}) and is ignored, so
 * a build whose tests did not run reads as such. File systems keep modification times at different precisions
 * (FAT keeps two seconds), so a file modified up to {@link #CLOCK_SLACK} before {@code notBefore} still counts;
 * reports of an earlier build are older than that, since starting Maven alone takes longer.
 *
 * <p>Counts come from the {@code tests}, {@code failures}, {@code errors} and {@code skipped} attributes of each
 * {@code testsuite} element; failing tests are the {@code testcase} elements with a {@code failure} or
 * {@code error} child. A file that cannot be parsed (cut off, not XML, or with a DTD) or that is not a test report
 * is skipped with a note, never fatal.
 * The parser reads no DTD and resolves no external entity.
 */
public final class SurefireReports {

    /** How much older than {@code notBefore} a report may look and still count as this build's. */
    public static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private SurefireReports() {
    }

    /**
     * Reads every {@code TEST-*.xml} file directly in the given directories that was modified at or after
     * {@code notBefore} (less {@link #CLOCK_SLACK}). Directories that do not exist are skipped: a project without
     * integration tests has no {@code failsafe-reports}.
     *
     * @param reportDirectories e.g. {@code target/surefire-reports} and {@code target/failsafe-reports}
     * @param notBefore when this build started; older files are left over from an earlier build
     */
    public static TestSummary read(List<Path> reportDirectories, Instant notBefore) {
        Objects.requireNonNull(notBefore, "notBefore");
        Instant threshold = notBefore.minus(CLOCK_SLACK);
        List<String> notes = new ArrayList<>();
        Totals totals = new Totals();
        int stale = 0;
        for (Path directory : reportDirectories) {
            for (Path file : reportFiles(directory, notes)) {
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(file).toInstant();
                } catch (IOException e) {
                    notes.add("Skipped test report " + file + ": cannot read its modification time (" + e + ").");
                    continue;
                }
                if (modified.isBefore(threshold)) {
                    stale++;
                    continue;
                }
                readFile(file, totals, notes);
            }
        }
        if (stale > 0) {
            notes.add(0, "Ignored " + stale + (stale == 1 ? " test report" : " test reports")
                    + " older than this build (left from an earlier build).");
        }
        if (totals.files == 0) {
            return TestSummary.none(notes);
        }
        return new TestSummary(totals.tests, totals.failures, totals.errors, totals.skipped,
                List.copyOf(totals.failing), totals.files, notes);
    }

    private static List<Path> reportFiles(Path directory, List<String> notes) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "TEST-*.xml")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return files;
        } catch (NotDirectoryException e) {
            notes.add("Skipped " + directory + ": not a directory.");
        } catch (IOException e) {
            notes.add("Skipped test report directory " + directory + ": " + e + ".");
        }
        files.sort(null);
        return files;
    }

    private static void readFile(Path file, Totals totals, List<String> notes) {
        Totals one = new Totals();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                parse(xml, one);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            notes.add("Skipped test report " + file + ": cannot be parsed as XML (" + oneLine(e.getMessage())
                    + ").");
            return;
        } catch (IOException e) {
            notes.add("Skipped test report " + file + ": " + e + ".");
            return;
        }
        if (one.suites == 0) {
            notes.add("Skipped " + file + ": not a Surefire or Failsafe test report (no testsuite element).");
            return;
        }
        totals.add(one);
        totals.files++;
    }

    private static void parse(XMLStreamReader xml, Totals totals) throws XMLStreamException {
        String testcase = null;
        boolean testcaseFailed = false;
        int depth = 0;
        int testcaseDepth = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (name.equals("testsuite")) {
                    totals.suites++;
                    totals.tests += count(xml, "tests");
                    totals.failures += count(xml, "failures");
                    totals.errors += count(xml, "errors");
                    totals.skipped += count(xml, "skipped");
                } else if (name.equals("testcase")) {
                    testcase = testName(xml.getAttributeValue(null, "classname"), xml.getAttributeValue(null,
                            "name"));
                    testcaseFailed = false;
                    testcaseDepth = depth;
                } else if (testcase != null && depth == testcaseDepth + 1
                        && (name.equals("failure") || name.equals("error"))) {
                    testcaseFailed = true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == testcaseDepth && xml.getLocalName().equals("testcase")) {
                    if (testcaseFailed) {
                        totals.failing.add(testcase);
                    }
                    testcase = null;
                    testcaseDepth = -1;
                }
                depth--;
            }
        }
    }

    /** {@code classname.name}; the class alone for a failure outside a test method (an empty name). */
    private static String testName(String className, String method) {
        String c = className == null ? "" : className.trim();
        String m = method == null ? "" : method.trim();
        if (c.isEmpty()) {
            return m.isEmpty() ? "(unnamed test)" : m;
        }
        return m.isEmpty() ? c : c + "." + m;
    }

    /** A count attribute; Surefire always writes whole numbers, other tools sometimes leave them out. */
    private static int count(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, (int) Double.parseDouble(value.trim()));
            } catch (NumberFormatException ignored) {
                return 0;
            }
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the plugin's class path; no DTD, no external entity.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The parser's message on one line, e.g. {@code ParseError at [row,col]:[3,1] Message: ...}. */
    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String line = message.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static final class Totals {
        int files;
        int suites;
        int tests;
        int failures;
        int errors;
        int skipped;
        final Set<String> failing = new LinkedHashSet<>();

        void add(Totals other) {
            suites += other.suites;
            tests += other.tests;
            failures += other.failures;
            errors += other.errors;
            skipped += other.skipped;
            failing.addAll(other.failing);
        }
    }
}
