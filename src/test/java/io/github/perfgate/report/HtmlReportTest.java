package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.Verdict;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

    private final ReportData data = ReportFixtures.sample();
    private final String html = HtmlReport.render(data);
    private final Document doc = parse(html);
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void isWellFormedAndLeadsWithTheStatusAndTheCounts() throws Exception {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(string("/html/head/title")).isEqualTo("perfgate FAILED: acme-parser");
        assertThat(string("//p[@class='headline']/span")).isEqualTo("FAILED");
        assertThat(string("//p[@class='headline']/span/@class")).isEqualTo("status status-failed");
        assertThat(string("//p[@class='headline']")).isEqualTo("FAILED 1 regression, 1 allocation regression, 1 claim not met, 1 inconclusive, "
                + "1 missing, 1 mode changed, 1 claim met, 1 improved, 1 new, 4 unchanged");
        assertThat(strings("//ul[@class='notes']/li")).containsExactly("re-measured 2 benchmarks",
                "ran with perfgate.include=acme.parser.*");
        assertThat(string("//p[@class='warning']")).contains("JDK 17.0.15 -> 21.0.5");
        assertThat(string("//p[strong='Machine drift:']")).isEqualTo("Machine drift: "
                + data.report().drift().describe() + ".");
    }

    @Test
    void needsNoScriptAndNoNetwork() throws Exception {
        assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(",
                " src=", " href=", "https:");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:");
        assertThat(string("/html/head/meta[@http-equiv='Content-Security-Policy']/@content"))
                .startsWith("default-src 'none';").doesNotContain("script-src");
        assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
    }

    @Test
    void escapesNamesAndParametersInTablesAndChart() throws Exception {
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html).contains("acme.<wbr/>parser.<wbr/>Escape&amp;&quot;Bench.<wbr/>run",
                "payload=&lt;script&gt;alert(1)&lt;/script&gt;, sep=a|b*c_`d`");
        assertThat(strings("(//table)[1]//td/code")).contains("acme.parser.Escape&\"Bench.run");
        assertThat(strings("//span[@class='params']")).contains("payload=<script>alert(1)</script>, sep=a|b*c_`d`");
        // in the SVG: the row label (cut to fit) and the full sentence in the tooltip
        assertThat(strings("//svg//g/text[1]")).contains("Escape&\"Bench.run[payload=<script>alert(1)</scr\u2026");
        assertThat(strings("//svg//g/title")).anyMatch(t -> t.startsWith(
                "acme.parser.Escape&\"Bench.run[payload=<script>alert(1)</script>,sep=a|b*c_`d`] unchanged"));
    }

    @Test
    void theChartHasOneLabelledRowPerComparisonMostUrgentFirst() throws Exception {
        List<Element> rows = elements("//svg/g[starts-with(@class, 'row ')]");
        assertThat(rows).hasSize(11);
        assertThat(rows).extracting(r -> text(r, "text[1]")).containsExactly("ParserBench.parse[size=10]",
                "BufferBench.copy", "CacheBench.lookup", "OldBench.retired", "SwitchBench.run", "LexerBench.tokenize", "NewBench.fresh",
                "Escape&\"Bench.run[payload=<script>alert(1)</scr\u2026", "ParserBench.parse[size=1000]",
                "SlowBench.io", "WriterBench.write");
        assertThat(rows).extracting(r -> text(r, "text[last()]")).containsExactly("+45.0% regressed",
                "+1.0% time, allocates more", "+12.4% inconclusive", "missing", "mode changed", "-37.5% improved", "new", "+0.5% unchanged",
                "+0.5% unchanged", "+10.0% unchanged", "-4.0% unchanged");
        assertThat(text(rows.get(3), "text[2]")).isEqualTo("in the baseline but not run");
        assertThat(rows.get(0).getAttribute("class")).isEqualTo("row v-regressed");
        assertThat(attr(rows.get(0), "circle", "fill")).isEqualTo(Html.colour(Verdict.REGRESSED));
        assertThat(attr(rows.get(1), "circle", "fill")).isEqualTo(Html.colour(Verdict.ALLOCATION_REGRESSED));
        assertThat(attr(rows.get(5), "circle", "fill")).isEqualTo(Html.colour(Verdict.IMPROVED));
        assertThat(((NodeList) xpath.evaluate("circle", rows.get(3), XPathConstants.NODESET)).getLength()).isZero();
        assertThat(text(rows.get(0), "text[last()]/@font-weight")).isEqualTo("bold");
        assertThat(text(rows.get(1), "text[last()]/@font-weight")).isEqualTo("bold");
        assertThat(text(rows.get(2), "text[last()]/@font-weight")).isEmpty();
    }

    @Test
    void pointsIntervalsTolerancesAndClaimTargetsSitWhereTheFiguresSay() throws Exception {
        List<Element> rows = elements("//svg/g[starts-with(@class, 'row ')]");
        double zero = number("//svg/line[@stroke-width='1.5']/@x1");
        assertThat(number("//svg/line[@stroke-width='1.5']/@x2")).isEqualTo(zero);
        assertThat(strings("//svg/text")).contains("0%", "+10%", "-10%");

        assertThat(number("(//svg/text[.='0%'])[1]/@x")).isEqualTo(zero);

        Element regressed = rows.get(0);
        double threshold = num(regressed, "line[@stroke-dasharray]/@x1");
        assertThat(threshold).as("tolerance 10%").isEqualTo(number("(//svg/text[.='+10%'])[1]/@x"));
        assertThat(num(regressed, "rect[1]/@x")).isEqualTo(number("(//svg/text[.='-10%'])[1]/@x"));
        assertThat(num(regressed, "rect[1]/@x") + num(regressed, "rect[1]/@width")).isCloseTo(threshold,
                org.assertj.core.data.Offset.offset(0.11));
        assertThat(num(regressed, "rect[2]/@x")).as("the whole interval lies beyond the threshold")
                .isGreaterThan(threshold);
        assertThat(num(regressed, "circle/@cx")).isGreaterThan(threshold);

        Element inconclusive = rows.get(2);
        double left = num(inconclusive, "rect[2]/@x");
        double right = left + num(inconclusive, "rect[2]/@width");
        assertThat(num(inconclusive, "line[@stroke-dasharray]/@x1")).isBetween(left, right);
        assertThat(left).isLessThan(zero);

        Element improved = rows.get(5);
        double claim = num(improved, "line[@stroke='" + HtmlChart.CLAIM_COLOUR + "']/@x1");
        assertThat(num(improved, "circle/@cx")).as("a met claim: beyond its target").isLessThan(claim)
                .isLessThan(num(improved, "rect[1]/@x"));
        Element missed = rows.get(10);
        assertThat(num(missed, "circle/@cx")).as("a missed claim: short of its target")
                .isGreaterThan(num(missed, "line[@stroke='" + HtmlChart.CLAIM_COLOUR + "']/@x1"));

        double narrowBand = num(rows.get(8), "rect[1]/@width");
        double wideBand = num(rows.get(9), "rect[1]/@width");
        assertThat(wideBand).as("SlowBench.io has a 25% tolerance, the others 10%").isGreaterThan(2 * narrowBand);
    }

    @Test
    void theTablesCarryEveryFigureAndWord() throws Exception {
        List<String> regressed = strings("(//table)[1]/tbody/tr[1]/td");
        assertThat(regressed).containsExactly("acme.parser.ParserBench.parsesize=10", "avgt", "200 us/op", "290 us/op",
                "+45.0%", Describe.interval(ReportFixtures.find(data.report(), ReportFixtures.REGRESSED, "10").estimate()),
                "10%", "48.0 B/op", "regressed");
        assertThat(string("(//table)[1]/tbody/tr[1]/@class")).isEqualTo("row v-regressed");
        assertThat(strings("(//table)[1]/thead//th")).containsExactly("Benchmark", "Mode", "Baseline", "Current",
                "Change", "99% CI", "Tolerance", "Allocation", "Verdict");
        assertThat(strings("(//table)[1]/tbody/tr[2]/td")).endsWith("10%", "48.0 \u2192 120 B/op+150.0%",
                "allocates moreallocation 48.0 -> 120 B/op (+150.0%), beyond the 10% allocation tolerance");
        assertThat(string("(//table)[1]/tbody/tr[2]/@class")).isEqualTo("row v-allocation-regressed");
        assertThat(strings("(//table)[1]/tbody/tr[4]/td")).endsWith("10%", "-", "missingin the baseline but not run");
        assertThat(strings("(//table)[1]/tbody/tr/td[7]")).contains("25%");

        List<String> claims = strings("//h2[.='Claims']/following-sibling::table[1]/tbody/tr/td[6]");
        assertThat(claims).containsExactly("met", "missed");
        assertThat(strings("//h2[.='Claims']/following-sibling::table[1]/tbody/tr[2]/td")).startsWith(
                "WriterBench.write", "acme.parser.WriterBench.write", "25%", "+4.0%",
                ReportText.improvementInterval(data.claims().get(1)), "missed");
        assertThat(string("//h2[.='Claims']/following-sibling::table[1]/tbody/tr[2]/td[7]"))
                .contains("Why it should be faster: buffered writes");
    }

    @Test
    void theEnvironmentTableMarksWhatDiffers() throws Exception {
        assertThat(strings("//table[@class='environment']/tbody/tr[@class='differs']/th")).containsExactly("JDK", "VM");
        assertThat(strings("//table[@class='environment']/tbody/tr[1]/*")).containsExactly("JDK", "17.0.15", "21.0.5",
                "differs");
        assertThat(strings("//table[@class='environment']/tbody/tr[6]/*")).containsExactly("CPU count", "8", "8", "");
    }

    @Test
    void aRecordingListsTheMeasurementsWithoutAChart() throws Exception {
        String recorded = HtmlReport.render(ReportFixtures.recording());
        Document rec = parse(recorded);
        XPath x = XPathFactory.newInstance().newXPath();

        assertThat(x.evaluate("//p[@class='headline']", rec)).isEqualTo("RECORDED 10 benchmarks recorded");
        assertThat(rec.getElementsByTagName("svg").getLength()).isZero();
        assertThat(((NodeList) x.evaluate("//h2[.='Recorded benchmarks']/following-sibling::table[1]/tbody/tr", rec,
                XPathConstants.NODESET)).getLength()).isEqualTo(10);
        assertThat(recorded).contains("<td class=\"num\">48.0 B/op</td>", "<td class=\"num\">15 (3 forks)</td>");
    }

    @Test
    void anUnestimableChangeShowsItsCaveatAndAnOffScaleOneStaysOnThePlot() throws Exception {
        Document extreme = parse(HtmlReport.render(ReportFixtures.extremes()));
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList rows = (NodeList) x.evaluate("//svg/g[starts-with(@class, 'row ')]", extreme, XPathConstants.NODESET);

        assertThat(rows.getLength()).isEqualTo(2);
        Node regressed = rows.item(0);
        assertThat(x.evaluate("text[last()]", regressed)).isEqualTo("+24900.0% regressed");
        double cx = Double.parseDouble(x.evaluate("circle/@cx", regressed));
        assertThat(cx).isLessThanOrEqualTo(900).isGreaterThan(800);
        assertThat(x.evaluate("//svg/text[.='+9900%']", extreme)).as("the axis ends at 100x").isNotEmpty();

        Node unestimable = rows.item(1);
        assertThat(x.evaluate("count(circle)", unestimable)).isEqualTo("0");
        assertThat(x.evaluate("text[2]", unestimable)).isEqualTo("only one fork");
        assertThat(x.evaluate("text[last()]", unestimable)).isEqualTo("inconclusive");
        assertThat(x.evaluate("(//table)[1]/tbody/tr[2]/td[5]", extreme)).isEqualTo("-");
        assertThat(x.evaluate("(//table)[1]/thead//th[.='95% CI']", extreme)).isNotEmpty();
    }

    @Test
    void aReportThatComparedNothingSaysSo() throws Exception {
        Document none = parse(HtmlReport.render(ReportFixtures.empty()));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("//p[@class='headline']", none)).isEqualTo("PASSED no benchmarks compared");
        assertThat(none.getElementsByTagName("svg").getLength()).isZero();
        assertThat(x.evaluate("//h2[.='Benchmarks']/following-sibling::p[1]", none))
                .isEqualTo("No benchmarks were compared.");
        assertThat(x.evaluate("//h2[.='Claims']/following-sibling::p[1]", none))
                .isEqualTo("No optimisation was claimed in this build.");
        assertThat(x.evaluate("//table[@class='environment']/thead/tr", none)).isEqualTo("PropertyThis run");
    }

    @Test
    void tickLabelsArePercentChanges() {
        assertThat(HtmlChart.tickLabel(1.0)).isEqualTo("0%");
        assertThat(HtmlChart.tickLabel(1.1)).isEqualTo("+10%");
        assertThat(HtmlChart.tickLabel(0.5)).isEqualTo("-50%");
        assertThat(HtmlChart.tickLabel(2)).isEqualTo("+100%");
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    private String string(String expression) throws Exception {
        return xpath.evaluate(expression, doc);
    }

    private double number(String expression) throws Exception {
        return Double.parseDouble(string(expression));
    }

    private List<String> strings(String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    private List<Element> elements(String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
        List<Element> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add((Element) nodes.item(i));
        }
        return values;
    }

    private String text(Node context, String expression) {
        try {
            return xpath.evaluate(expression, context);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String attr(Node context, String element, String attribute) throws Exception {
        return xpath.evaluate(element + "/@" + attribute, context);
    }

    private double num(Node context, String expression) throws Exception {
        return Double.parseDouble(xpath.evaluate(expression, context));
    }
}
