package io.github.perfgate.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterCheckTest {

    @TempDir
    Path dir;

    @Test
    void goodParametersPass() {
        ParameterCheck check = new ParameterCheck()
                .atLeast("perfgate.forks", 3, 1, 3)
                .atLeast("perfgate.warmupIterations", 0, 0, 3)
                .jmhTime("perfgate.time", "100ms")
                .duration("perfgate.timeout", "60m")
                .regexes("perfgate.include", List.of("^\\Qa.B.slow\\E$", "Parser.*"))
                .percent("perfgate.allocationThreshold", "off", true)
                .percent("perfgate.regressionThreshold", "12.5%", false)
                .confidence("perfgate.confidence", 0.99)
                .claims("perfgate.claims", "ParserBench.parse>=20%")
                .threshold("<thresholds>", "ParserBench.*", "25%")
                .jmhArgs("perfgate.jmhArgs", "-p 'name=a b' -prof stack", true)
                .writableFile("perfgate.baselineFile", dir.resolve("perf/baseline.json"));

        assertThat(check.problems()).isEmpty();
        assertThat(check.message()).isEmpty();
    }

    @Test
    void aForkCountOfZeroNamesTheParameterAndTheAcceptedForm() {
        ParameterCheck check = new ParameterCheck().atLeast("perfgate.remeasureForks", 0, 1, 5);

        assertThat(check.message()).contains("perfgate: perfgate.remeasureForks is 0; it must be a whole number of 1"
                + " or more, e.g. -Dperfgate.remeasureForks=5. " + ParameterCheck.STOPPED);
    }

    @Test
    void warmupIterationsMayBeZeroButNotNegative() {
        assertThat(new ParameterCheck().atLeast("perfgate.warmupIterations", 0, 0, 3).problems()).isEmpty();
        assertThat(new ParameterCheck().atLeast("perfgate.warmupIterations", -1, 0, 3).problems()).singleElement()
                .asString().startsWith("perfgate.warmupIterations is -1; it must be a whole number of 0 or more");
    }

    @Test
    void timesMustBeConvertibleToTheFormJmhAccepts() {
        assertThat(new ParameterCheck().jmhTime("perfgate.time", "1.5s").problems()).isEmpty();
        assertThat(new ParameterCheck().jmhTime("perfgate.warmupTime", "PT1S").problems()).isEmpty();
        assertThat(new ParameterCheck().jmhTime("perfgate.time", "fast").problems()).singleElement().asString()
                .startsWith("perfgate.time 'fast' is not a time per iteration; write a positive time with a unit");
        assertThat(new ParameterCheck().jmhTime("perfgate.warmupTime", "0.5ns").problems()).hasSize(1);
        assertThat(new ParameterCheck().jmhTime("perfgate.warmupTime", "0s").problems()).hasSize(1);
        assertThat(new ParameterCheck().duration("perfgate.timeout", "soon").problems()).singleElement().asString()
                .startsWith("perfgate.timeout 'soon' is not a positive duration");
    }

    @Test
    void anInvalidRegularExpressionNamesTheParameter() {
        List<String> problems = new ParameterCheck().regexes("perfgate.include", List.of("ok", "[bad")).problems();

        assertThat(problems).singleElement().asString()
                .startsWith("perfgate.include '[bad' is not a valid regular expression (Unclosed character class")
                .contains("-Dperfgate.include=ParserBench");
    }

    @Test
    void confidenceMustLieBetweenOneHalfAndOneExclusive() {
        assertThat(new ParameterCheck().confidence("perfgate.confidence", 0.5).problems()).hasSize(1);
        assertThat(new ParameterCheck().confidence("perfgate.confidence", 1).problems()).singleElement().asString()
                .isEqualTo("perfgate.confidence is 1.0; it must be above 0.5 and below 1, e.g."
                        + " -Dperfgate.confidence=0.99");
        assertThat(new ParameterCheck().confidence("perfgate.confidence", 0.95).problems()).isEmpty();
    }

    @Test
    void percentagesClaimsAndThresholdsNameTheirParameter() {
        assertThat(new ParameterCheck().percent("perfgate.regressionThreshold", "ten", false).problems())
                .singleElement().asString().startsWith("perfgate.regressionThreshold 'ten' is not a percentage");
        assertThat(new ParameterCheck().percent("perfgate.allocationThreshold", "-5%", true).problems())
                .singleElement().asString().endsWith(", or off");
        assertThat(new ParameterCheck().claims("perfgate.claims", "ParserBench.parse>20%").problems())
                .singleElement().asString().startsWith("perfgate.claims: ");
        assertThat(new ParameterCheck().threshold("<thresholds>", "A.b", null).problems()).singleElement()
                .asString().contains("needs a <benchmark> and a <tolerance>");
    }

    @Test
    void jmhArgsWithAnUnclosedQuoteOrAResultFileAreRefused() {
        assertThat(new ParameterCheck().jmhArgs("perfgate.jmhArgs", "-p \"x", true).problems()).singleElement()
                .asString().startsWith("perfgate.jmhArgs (-p \"x) has an unclosed quote");
        assertThat(new ParameterCheck().jmhArgs("perfgate.jmhArgs", "-rf csv", true).problems()).singleElement()
                .asString().startsWith("perfgate.jmhArgs (-rf csv) sets -rf or -rff: remove them");
        assertThat(new ParameterCheck().jmhArgs("perfgate.jmhArgs", "-rf csv", false).problems()).isEmpty();
    }

    @Test
    void aBaselineFileThatIsADirectoryOrCannotBeCreatedIsRefused() throws Exception {
        assertThat(new ParameterCheck().writableFile("perfgate.baselineFile", dir).problems()).singleElement()
                .asString().startsWith("perfgate.baselineFile " + dir + " is a directory");
        Path blocker = Files.writeString(dir.resolve("perf"), "a file, not a folder");
        assertThat(new ParameterCheck().writableFile("perfgate.baselineFile", blocker.resolve("baseline.json"))
                .problems()).singleElement().asString().contains("cannot be created: " + blocker
                        + " is not a directory");
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        ParameterCheck check = new ParameterCheck()
                .atLeast("perfgate.forks", 0, 1, 3)
                .regexes("perfgate.exclude", List.of("("));

        assertThat(check.message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("perfgate: 2 parameters are wrong:\n  perfgate.forks is 0")
                .contains("\n  perfgate.exclude '(' is not a valid regular expression")
                .endsWith("\n" + ParameterCheck.STOPPED));
    }
}
