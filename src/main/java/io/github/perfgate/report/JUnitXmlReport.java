package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code TEST-perfgate.xml}: the result in the Surefire XML shape that Jenkins (junit step), GitLab
 * ({@code artifacts:reports:junit}) and the GitHub test-report actions read, so that regressions show up where
 * failed tests do.
 *
 * <p>One {@code <testsuite name="perfgate">} holds one {@code <testcase>} per benchmark, with the benchmark's class
 * as {@code classname} and {@code method[params] (mode)} as {@code name}, and one per claim result, with
 * {@code classname="perfgate.claims"}. How verdicts map:
 * <ul>
 *   <li>REGRESSED, ALLOCATION_REGRESSED: a {@code <failure>} whose message is perfgate's sentence;</li>
 *   <li>NEW, MISSING, MODE_CHANGED: {@code <skipped>} with the reason as message (nothing was compared);</li>
 *   <li>INCONCLUSIVE: <em>passed</em>, as it does not fail the build, with {@code INCONCLUSIVE:} and the sentence in
 *       {@code <system-out>} so a reader of the test report still finds it;</li>
 *   <li>UNCHANGED, IMPROVED: passed, with the sentence in {@code <system-out>};</li>
 *   <li>a claim that is not MET (missed, no match, not measured, tests failed or not run): a {@code <failure>}.</li>
 * </ul>
 * The report of a {@code baseline} recording has one passed test case per recorded benchmark. Every {@code time} is
 * 0: JMH's run time is not measured per benchmark. {@code errors} is always 0.
 */
public final class JUnitXmlReport {

    public static final String FILE_NAME = "TEST-perfgate.xml";

    /** The {@code classname} of the test cases for claims. */
    public static final String CLAIMS_CLASSNAME = "perfgate.claims";

    /** The {@code type} of a regression's failure. */
    public static final String REGRESSION_TYPE = "perfgate.Regression";

    /** The {@code type} of an allocation regression's failure. */
    public static final String ALLOCATION_REGRESSION_TYPE = "perfgate.AllocationRegression";

    /** The {@code type} of an unmet claim's failure, followed by {@code .} and the claim's status. */
    public static final String CLAIM_TYPE = "perfgate.Claim";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private JUnitXmlReport() {
    }

    private record Case(String classname, String name, Outcome outcome, String message, String type, String body,
            String out) {
    }

    private enum Outcome { PASSED, FAILED, SKIPPED }

    public static String render(ReportData data) {
        List<Case> cases = cases(data);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "perfgate");
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(count(cases, Outcome.FAILED)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(count(cases, Outcome.SKIPPED)));
            xml.writeAttribute("time", "0");
            xml.writeAttribute("timestamp", TIMESTAMP.format(data.generated().truncatedTo(ChronoUnit.SECONDS)));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "perfgate.title", data.title());
            property(xml, "perfgate.status", data.status().name());
            property(xml, "perfgate.headline", data.headline());
            if (data.compared()) {
                property(xml, "perfgate.confidence", Percent.format(data.report().confidence()));
            }
            property(xml, "perfgate.environment", MarkdownReport.describe(data.environment()));
            if (data.compared() && data.report().drift() != null) {
                property(xml, "perfgate.machineDrift", data.report().drift().describe());
            }
            for (String difference : data.environmentDifferences()) {
                property(xml, "perfgate.environmentDifference", difference);
            }
            for (String note : data.notes()) {
                property(xml, "perfgate.note", note);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (Case c : cases) {
                testcase(xml, c);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the JUnit XML report to a string failed", e);
        }
        return text.toString();
    }

    /**
     * How to accept extra allocation: on a benchmark with a met claim (and every claim met), with update and the same
     * claims, which journals the trade-off; otherwise with update alone.
     */
    static String allocationHint(BenchmarkComparison c, List<ClaimResult> claims) {
        boolean claimed = !claims.isEmpty() && claims.stream().allMatch(ClaimResult::met)
                && claims.stream().anyMatch(r -> r.comparison() != null && r.comparison().key().equals(c.key()));
        if (claimed) {
            return "If the trade-off is intended, accept it with the same claims: mvn verify -Dperfgate.update=true"
                    + " -Dperfgate.claims='" + String.join(",", claims.stream().map(r -> ClaimParser.format(r.claim()))
                            .distinct().toList()) + "' (leave out -Dperfgate.claims when the claims are in the POM),"
                    + " and commit the baseline file and the journal.";
        }
        return "If the extra allocation is intended, accept it with: mvn verify -Dperfgate.update=true and commit the"
                + " baseline file.";
    }

    private static List<Case> cases(ReportData data) {
        List<Case> cases = new ArrayList<>();
        if (data.compared()) {
            double confidence = data.report().confidence();
            for (BenchmarkComparison c : data.report().comparisons()) {
                String sentence = Describe.sentence(c, confidence);
                String classname = classname(c.key());
                String name = name(c.key());
                cases.add(switch (c.verdict()) {
                    case REGRESSED -> new Case(classname, name, Outcome.FAILED, sentence, REGRESSION_TYPE,
                            sentence + "\nIf the slowdown is intended, accept it with: mvn verify "
                                    + "-Dperfgate.update=true and commit the baseline file.", null);
                    case ALLOCATION_REGRESSED -> new Case(classname, name, Outcome.FAILED, sentence,
                            ALLOCATION_REGRESSION_TYPE, sentence + "\n" + allocationHint(c, data.claims()), null);
                    case NEW, MISSING, MODE_CHANGED -> new Case(classname, name, Outcome.SKIPPED,
                            Describe.verdictLabel(c) + (c.reason().isEmpty() ? "" : ": " + c.reason()), null, null,
                            null);
                    case INCONCLUSIVE -> new Case(classname, name, Outcome.PASSED, null, null, null,
                            "INCONCLUSIVE: " + sentence);
                    case UNCHANGED, IMPROVED -> new Case(classname, name, Outcome.PASSED, null, null, null,
                            sentence);
                });
            }
        } else {
            for (BenchmarkResult r : data.measured().stream().sorted(Comparator.comparing(BenchmarkResult::key))
                    .toList()) {
                cases.add(new Case(classname(r.key()), name(r.key()), Outcome.PASSED, null, null, null,
                        "recorded " + Describe.number(r.primary().score()) + " " + r.primary().unit()));
            }
        }
        for (ClaimResult r : data.claims()) {
            String name = ReportText.claimText(r)
                    + (r.comparison() == null ? "" : ": " + r.comparison().key().toString());
            String status = ReportText.statusLabel(r.status());
            if (r.met()) {
                cases.add(new Case(CLAIMS_CLASSNAME, name, Outcome.PASSED, null, null, null,
                        "met: " + r.message()));
            } else {
                String message = "claim " + status + ": " + r.message();
                cases.add(new Case(CLAIMS_CLASSNAME, name, Outcome.FAILED, message, CLAIM_TYPE + "." + r.status(),
                        message + (r.claim().reason().isEmpty() ? "" : "\nClaimed because: " + r.claim().reason()),
                        null));
            }
        }
        return cases;
    }

    private static void testcase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean empty = c.outcome() == Outcome.PASSED && c.out() == null;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", attribute(c.classname()));
        xml.writeAttribute("name", attribute(c.name()));
        xml.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        if (c.outcome() == Outcome.FAILED) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", attribute(c.message()));
            xml.writeAttribute("type", c.type());
            xml.writeCharacters(ReportText.xmlSafe(c.body()));
            xml.writeEndElement();
        } else if (c.outcome() == Outcome.SKIPPED) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", attribute(c.message()));
        }
        if (c.out() != null) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(ReportText.xmlSafe(c.out()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", attribute(value));
    }

    /** The benchmark's class, e.g. {@code acme.ParserBench}; {@code perfgate} for a name without a dot. */
    static String classname(BenchmarkKey key) {
        String classname = ReportText.className(key);
        return classname.isEmpty() ? "perfgate" : classname;
    }

    /** The test case name of a benchmark: {@code method[params] (mode)}, e.g. {@code parse[size=10] (avgt)}. */
    static String name(BenchmarkKey key) {
        String display = key.displayName();
        String method = ReportText.methodName(key) + display.substring(key.name().length());
        return method + " (" + key.mode().shortName() + ")";
    }

    /** An attribute value: XML-safe, on one line (a parser would turn line breaks into spaces anyway). */
    private static String attribute(String value) {
        return ReportText.oneLine(ReportText.xmlSafe(value));
    }

    private static long count(List<Case> cases, Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }
}
