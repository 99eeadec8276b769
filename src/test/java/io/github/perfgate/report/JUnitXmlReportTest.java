package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

    private final ReportData data = ReportFixtures.sample();
    private final String xml = JUnitXmlReport.render(data);
    private final Document doc = HtmlReportTest.parse(xml);
    private final Element suite = doc.getDocumentElement();

    @Test
    void theSuiteCountsWhatSurefireConsumersRead() {
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("perfgate");
        assertThat(suite.getAttribute("tests")).isEqualTo("13");
        assertThat(suite.getAttribute("failures")).as("1 regression, 1 allocation regression, 1 missed claim")
                .isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).as("new, missing, mode changed").isEqualTo("3");
        assertThat(suite.getAttribute("time")).isEqualTo("0");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-23T10:15:30");
        assertThat(testcases()).hasSize(13).allSatisfy(t -> {
            assertThat(t.getAttribute("classname")).isNotEmpty();
            assertThat(t.getAttribute("name")).isNotEmpty();
            assertThat(Double.parseDouble(t.getAttribute("time"))).isZero();
        });
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void aRegressionIsAFailureWithPerfgatesSentence() {
        BenchmarkComparison c = ReportFixtures.find(data.report(), ReportFixtures.REGRESSED, "10");
        Element test = testcase("acme.parser.ParserBench", "parse[size=10] (avgt)");
        Element failure = only(test, "failure");

        assertThat(failure.getAttribute("message")).isEqualTo(Describe.sentence(c, 0.99));
        assertThat(failure.getAttribute("type")).isEqualTo("perfgate.Regression");
        assertThat(failure.getTextContent()).startsWith(Describe.sentence(c, 0.99) + "\n")
                .endsWith("accept it with: mvn verify -Dperfgate.update=true and commit the baseline file.");
    }

    @Test
    void anAllocationRegressionFailsToo() {
        BenchmarkComparison c = ReportFixtures.find(data.report(), ReportFixtures.ALLOCATES);
        Element failure = only(testcase("acme.parser.BufferBench", "copy (avgt)"), "failure");

        assertThat(failure.getAttribute("type")).isEqualTo("perfgate.AllocationRegression");
        assertThat(failure.getAttribute("message")).isEqualTo(Describe.sentence(c, 0.99))
                .contains("allocation 48.0 -> 120 B/op");
    }

    @Test
    void extraAllocationOnABenchmarkWithAMetClaimIsAcceptedWithTheSameClaims() {
        BenchmarkComparison c = ReportFixtures.find(data.report(), ReportFixtures.ALLOCATES);
        io.github.perfgate.gate.Claim claim = io.github.perfgate.gate.ClaimParser.parse("BufferBench.copy>=20%").get(0);
        ClaimResult met = new ClaimResult(claim, c, ClaimResult.Status.MET, 0.5, 0.4, 0.6, "Claim met");
        ClaimResult missed = new ClaimResult(claim, c, ClaimResult.Status.MISSED, 0.1, 0.0, 0.2, "Claim missed");

        assertThat(JUnitXmlReport.allocationHint(c, List.of(met))).isEqualTo("If the trade-off is intended, accept"
                + " it with the same claims: mvn verify -Dperfgate.update=true -Dperfgate.claims='BufferBench.copy>=20%'"
                + " (leave out -Dperfgate.claims when the claims are in the POM), and commit the baseline file and the"
                + " journal.");
        assertThat(JUnitXmlReport.allocationHint(c, List.of(missed))).isEqualTo("If the extra allocation is"
                + " intended, accept it with: mvn verify -Dperfgate.update=true and commit the baseline file.");
        assertThat(JUnitXmlReport.allocationHint(c, List.of())).startsWith("If the extra allocation is intended");
    }

    @Test
    void theSuitePropertiesCarryTheHeadlineEnvironmentAndDrift() {
        NodeList properties = doc.getElementsByTagName("property");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            pairs.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
        }
        assertThat(pairs).contains("perfgate.status=FAILED", "perfgate.headline=" + data.headline(),
                "perfgate.confidence=99%", "perfgate.environmentDifference=JDK 17.0.15 -> 21.0.5",
                "perfgate.note=re-measured 2 benchmarks");
        assertThat(pairs).anyMatch(p -> p.startsWith("perfgate.machineDrift=machine speed matches"));
    }

    @Test
    void newMissingAndModeChangedAreSkippedWithTheReason() {
        assertThat(only(testcase("acme.parser.NewBench", "fresh (avgt)"), "skipped").getAttribute("message"))
                .isEqualTo("new: not in the baseline");
        assertThat(only(testcase("acme.parser.OldBench", "retired (avgt)"), "skipped").getAttribute("message"))
                .isEqualTo("missing: in the baseline but not run");
        assertThat(only(testcase("acme.parser.SwitchBench", "run (avgt)"), "skipped").getAttribute("message"))
                .startsWith("mode changed: baseline mode thrpt, now avgt");
    }

    @Test
    void inconclusiveAndUnchangedPassWithTheirSentenceInSystemOut() {
        Element inconclusive = testcase("acme.parser.CacheBench", "lookup (avgt)");
        assertThat(inconclusive.getElementsByTagName("failure").getLength()).isZero();
        assertThat(inconclusive.getElementsByTagName("skipped").getLength()).isZero();
        assertThat(only(inconclusive, "system-out").getTextContent()).startsWith(
                "INCONCLUSIVE: acme.parser.CacheBench.lookup inconclusive +12.4%");

        Element improved = testcase("acme.parser.LexerBench", "tokenize (thrpt)");
        assertThat(improved.getElementsByTagName("failure").getLength()).isZero();
        assertThat(only(improved, "system-out").getTextContent()).contains("improved -37.5%");
    }

    @Test
    void claimsAreTestCasesAndEveryUnmetClaimFails() {
        Element met = testcase("perfgate.claims",
                "LexerBench.tokenize at least 20% faster: acme.parser.LexerBench.tokenize (thrpt)");
        assertThat(met.getElementsByTagName("failure").getLength()).isZero();
        assertThat(only(met, "system-out").getTextContent()).startsWith("met: ");

        Element missed = testcase("perfgate.claims",
                "WriterBench.write at least 25% faster: acme.parser.WriterBench.write (avgt)");
        Element failure = only(missed, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("perfgate.Claim.MISSED");
        assertThat(failure.getAttribute("message")).isEqualTo("claim missed: " + data.claims().get(1).message());
        assertThat(failure.getTextContent()).endsWith("Claimed because: buffered writes");
    }

    @Test
    void escapesNamesAndParametersAndKeepsThemExact() throws Exception {
        assertThat(xml).doesNotContainIgnoringCase("<script");
        Element hostile = testcase("acme.parser.Escape&\"Bench",
                "run[payload=<script>alert(1)</script>,sep=a|b*c_`d`] (avgt)");
        assertThat(hostile).isNotNull();

        // a streaming consumer sees the same values
        XMLStreamReader reader = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
        List<String> classnames = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("testcase")) {
                classnames.add(reader.getAttributeValue(null, "classname"));
            }
        }
        assertThat(classnames).contains("acme.parser.Escape&\"Bench").endsWith("perfgate.claims", "perfgate.claims");
    }

    @Test
    void charactersXmlForbidsAreReplacedSoTheFileStillParses() {
        ReportData odd = ReportData.check(data.report(), data.claims(), data.environment(), data.baselineEnvironment(),
                "bell\u0007title", data.generated(), List.of("nul\u0000note", "line\nbreak"));
        Document parsed = HtmlReportTest.parse(JUnitXmlReport.render(odd));
        NodeList properties = parsed.getElementsByTagName("property");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            values.add(((Element) properties.item(i)).getAttribute("value"));
        }
        assertThat(values).contains("bell\uFFFDtitle", "nul\uFFFDnote", "line break");
        HtmlReportTest.parse(HtmlReport.render(odd));
    }

    @Test
    void aRecordingHasOnePassedTestPerMeasurement() {
        Document rec = HtmlReportTest.parse(JUnitXmlReport.render(ReportFixtures.recording()));
        Element root = rec.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("10");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        assertThat(root.getAttribute("skipped")).isEqualTo("0");
        assertThat(rec.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("recorded ");
    }

    @Test
    void namesSplitAtTheLastDotWithParamsAndMode() {
        var key = new io.github.perfgate.model.BenchmarkKey("a.b.C.m", new java.util.TreeMap<>(java.util.Map.of(
                "y", "2", "x", "1")), io.github.perfgate.model.Mode.SINGLE_SHOT);
        assertThat(JUnitXmlReport.classname(key)).isEqualTo("a.b.C");
        assertThat(JUnitXmlReport.name(key)).isEqualTo("m[x=1,y=2] (ss)");
        var bare = io.github.perfgate.model.BenchmarkKey.of("m", io.github.perfgate.model.Mode.THROUGHPUT);
        assertThat(JUnitXmlReport.classname(bare)).isEqualTo("perfgate");
        assertThat(JUnitXmlReport.name(bare)).isEqualTo("m (thrpt)");
    }

    private List<Element> testcases() {
        NodeList nodes = suite.getElementsByTagName("testcase");
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private Element testcase(String classname, String name) {
        return testcases().stream()
                .filter(t -> t.getAttribute("classname").equals(classname) && t.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no testcase " + classname + " / " + name));
    }

    private static Element only(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag + " in " + parent.getAttribute("name")).isEqualTo(1);
        return (Element) nodes.item(0);
    }
}
