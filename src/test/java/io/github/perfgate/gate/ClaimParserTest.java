package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimParserTest {

    private static String describe(Claim claim) {
        return claim.pattern().text() + ">=" + claim.target();
    }

    @Test
    void parsesCommaSeparatedClaimsInOrder() {
        List<Claim> claims = ClaimParser.parse("ParserBench.parse>=20%,JsonBench.write>=35%");

        assertThat(claims).extracting(ClaimParserTest::describe)
                .containsExactly("ParserBench.parse>=0.2", "JsonBench.write>=0.35");
        assertThat(claims).allSatisfy(c -> assertThat(c.reason()).isEmpty());
    }

    @Test
    void aClaimWithoutTargetAsksForTheDefaultTwentyPercent() {
        assertThat(ClaimParser.parse("ParserBench.parse")).singleElement()
                .satisfies(c -> assertThat(c.target()).isEqualTo(Claim.DEFAULT_TARGET).isEqualTo(0.20));
    }

    @Test
    void spacesAroundEveryPartAreAllowed() {
        assertThat(ClaimParser.parse("  ParserBench.parse >= 20 % ,  JsonBench.write>=12.5%  "))
                .extracting(ClaimParserTest::describe)
                .containsExactly("ParserBench.parse>=0.2", "JsonBench.write>=0.125");
        assertThat(ClaimParser.parse("acme.ParserBench.parse>=20")).singleElement()
                .satisfies(c -> assertThat(c.target()).isCloseTo(0.20, within(1e-12)));
    }

    @Test
    void wildcardsAndParametersWithCommasStayInOnePattern() {
        List<Claim> claims = ClaimParser.parse("Parser*.parse*>=10%,B.m[size=10,kind=fast]>=30%,B.m[size=1]");

        assertThat(claims).extracting(c -> c.pattern().text())
                .containsExactly("Parser*.parse*", "B.m[size=10,kind=fast]", "B.m[size=1]");
        assertThat(claims.get(0).pattern().hasWildcard()).isTrue();
    }

    @Test
    void nothingClaimedIsAnEmptyList() {
        assertThat(ClaimParser.parse(null)).isEmpty();
        assertThat(ClaimParser.parse("")).isEmpty();
        assertThat(ClaimParser.parse("   ")).isEmpty();
    }

    @Test
    void aStrictGreaterThanIsRefusedWithTheCorrectForm() {
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse>20%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Claim 'ParserBench.parse>20%' uses '>'; a claim says the benchmark is at least the"
                        + " target faster, so write >=, e.g. ParserBench.parse>=20%");
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse=>20%")).hasMessageContaining("uses '=>'")
                .hasMessageEndingWith("ParserBench.parse>=20%");
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse=20%")).hasMessageContaining("uses '='");
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse<=20%")).hasMessageContaining("uses '<='");
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse>35")).hasMessageEndingWith(
                "ParserBench.parse>=35%");
    }

    @Test
    void aTargetWithoutOperatorIsRefusedRatherThanMatchingNothing() {
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse 25%"))
                .hasMessage("Claim 'ParserBench.parse 25%' has a target in the benchmark name; write e.g."
                        + " ParserBench.parse>=25%");
        assertThatThrownBy(() -> ClaimParser.parse("ParserBench.parse 25"))
                .hasMessageContaining("contains a space");
    }

    @Test
    void emptyNamesAndEmptyClaimsAreRefused() {
        assertThatThrownBy(() -> ClaimParser.parse(">=20%"))
                .hasMessage("Claim '>=20%' names no benchmark; write e.g. ParserBench.parse>=20%");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=20%,,C.d"))
                .hasMessageStartingWith("Claim 2 of 'A.b>=20%,,C.d' is empty");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=20%,")).hasMessageStartingWith("Claim 2 of");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=")).hasMessageContaining("has no target after >=");
    }

    @Test
    void targetsMustLieBetweenZeroAndOneHundredPercent() {
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=0%")).hasMessageContaining("must be above 0%");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=-5%")).hasMessageContaining("must be above 0%");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=100%")).hasMessageContaining("must be below 100%")
                .hasMessageContaining("50% means twice as fast");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=250%")).hasMessageContaining("must be below 100%");
        assertThat(ClaimParser.parse("A.b>=99.5%").get(0).target()).isCloseTo(0.995, within(1e-12));
        assertThat(ClaimParser.parse("A.b>=0.5%").get(0).target()).isCloseTo(0.005, within(1e-12));
    }

    @Test
    void garbageAndAmbiguousTargetsAreRefused() {
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=fast")).hasMessageContaining("the target 'fast' is not a"
                + " percentage");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=20%%")).hasMessageContaining("is not a percentage");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=NaN%")).hasMessageContaining("is not a percentage");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=20d")).hasMessageContaining("is not a percentage");
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=0.2"))
                .hasMessage("Claim 'A.b>=0.2': the target 0.2 is ambiguous; write it as a percentage, e.g. 20% or"
                        + " 0.2%");
    }

    @Test
    void theSameBenchmarkClaimedTwiceIsRefused() {
        assertThatThrownBy(() -> ClaimParser.parse("A.b>=20%, A.b>=30%"))
                .hasMessage("The benchmark A.b is claimed twice ('A.b>=20%' and 'A.b>=30%'); keep one claim per"
                        + " benchmark");
    }

    @Test
    void pomEntriesDefaultTheirTargetAndKeepTheReason() {
        Claim claim = ClaimParser.of(" ParserBench.parse ", null, "  Replaced the regex tokenizer  ");
        assertThat(claim.pattern().text()).isEqualTo("ParserBench.parse");
        assertThat(claim.target()).isEqualTo(0.20);
        assertThat(claim.reason()).isEqualTo("Replaced the regex tokenizer");

        assertThat(ClaimParser.of("JsonBench.write", "35%", null).target()).isCloseTo(0.35, within(1e-12));
        assertThat(ClaimParser.of("JsonBench.write", " 35 ", "").target()).isCloseTo(0.35, within(1e-12));
        assertThat(ClaimParser.of("JsonBench.write", ">=35%", "").target()).isCloseTo(0.35, within(1e-12));
        assertThat(ClaimParser.of("JsonBench.write", "  ", "").target()).isEqualTo(0.20);
    }

    @Test
    void pomEntriesAreCheckedLikeTheCommandLine() {
        assertThatThrownBy(() -> ClaimParser.of(null, "20%", "")).hasMessageStartingWith("A <claim> has no"
                + " <benchmark>");
        assertThatThrownBy(() -> ClaimParser.of(" ", "20%", "")).hasMessageStartingWith("A <claim> has no");
        assertThatThrownBy(() -> ClaimParser.of("A.b", "120%", "")).hasMessageStartingWith("<claim> on A.b: the"
                + " target 120% must be below 100%");
        assertThatThrownBy(() -> ClaimParser.of("A.b", "0", "")).hasMessageContaining("must be above 0%");
        assertThatThrownBy(() -> ClaimParser.of("A.b>=20%", null, ""))
                .hasMessage("<claim> on A.b>=20%: the benchmark name 'A.b>=20%' contains '>'; write e.g."
                        + " <benchmark>ParserBench.parse</benchmark> <target>20%</target>");
        assertThatThrownBy(() -> ClaimParser.of("A.b 30%", null, ""))
                .hasMessage("<claim> on A.b 30% has a target in the benchmark name; write e.g. <benchmark>A.b"
                        + "</benchmark> <target>30%</target>");
    }

    @Test
    void formatWritesAClaimBackAsTheCommandLineDoes() {
        for (String text : List.of("ParserBench.parse>=20%", "B.m[size=10,kind=fast]>=12.5%", "Parser*>=35%")) {
            Claim claim = ClaimParser.parse(text).get(0);
            assertThat(ClaimParser.format(claim)).isEqualTo(text);
            assertThat(ClaimParser.parse(ClaimParser.format(claim))).singleElement()
                    .satisfies(again -> assertThat(describe(again)).isEqualTo(describe(claim)));
        }
        assertThat(ClaimParser.format(ClaimParser.parse("ParserBench.parse").get(0)))
                .isEqualTo("ParserBench.parse>=20%");
    }
}
