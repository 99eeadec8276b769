package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** JMH's option grammar as perfgate reads it, checked against JMH's own parser where it matters. */
class JmhOptionsTest {

    @Test
    void optionValuesResolveSpellingsLikeJmh() throws CommandLineOptionException {
        List<String> args = List.of("-bm", "avgt", "-jvmArgs", "-bm", "--bm=ss", "-lp", "-p", "x=1",
                "--", "-bm", "sample");

        assertThat(JmhOptions.values(args, "bm")).containsExactly("avgt", "ss");
        assertThat(JmhOptions.values(args, "jvmArgs")).containsExactly("-bm");
        assertThat(JmhOptions.values(args, "lp")).containsExactly("");
        assertThat(JmhOptions.values(args, "p")).containsExactly("x=1");
        // JMH reads the same list the same way.
        CommandLineOptions options = parse(args);
        assertThat(options.getBenchModes()).extracting(m -> m.shortLabel()).containsExactlyInAnyOrder("avgt", "ss");
        assertThat(options.getJvmArgs().get()).containsExactly("-bm");
        assertThat(options.shouldListWithParams()).isTrue();
        assertThat(options.getIncludes()).containsExactly("-bm", "sample");
    }

    @Test
    void unknownOptionIsSkippedAsJmhWouldRejectIt() {
        // "b" is no JMH option, so JMH fails with "b is not a recognized option"; nothing to override.
        assertThat(JmhOptions.parse(List.of("-bmthrpt"))).isEmpty();
        assertThatThrownBy(() -> parse(List.of("-bmthrpt"))).hasMessage("b is not a recognized option");
    }

    @Test
    void ambiguousAbbreviationIsNotAnOption() {
        // jopt-simple: "jvmArg" is a prefix of three options, and "j" is no option.
        assertThat(JmhOptions.parse(List.of("-jvmArg", "-Xmx1g"))).isEmpty();
    }

    @Test
    void tokenizeSplitsOnWhitespace() {
        assertThat(JmhOptions.tokenize("  -f 3\t-wi\n2  ")).containsExactly("-f", "3", "-wi", "2");
        assertThat(JmhOptions.tokenize("")).isEmpty();
        assertThat(JmhOptions.tokenize(null)).isEmpty();
    }

    @Test
    void tokenizeKeepsQuotedTextTogether() {
        assertThat(JmhOptions.tokenize("-jvmArgs \"-Xmx1g -Dx=1\" -p 'name=a b'"))
                .containsExactly("-jvmArgs", "-Xmx1g -Dx=1", "-p", "name=a b");
    }

    @Test
    void tokenizeJoinsAdjacentQuotedAndUnquotedText() {
        assertThat(JmhOptions.tokenize("-Dname=\"a b\"c 'x'\"y\"")).containsExactly("-Dname=a bc", "xy");
    }

    @Test
    void tokenizeTreatsTheOtherQuoteAndBackslashesLiterally() {
        assertThat(JmhOptions.tokenize("\"it's\" 'say \"hi\"' C:\\dir\\file"))
                .containsExactly("it's", "say \"hi\"", "C:\\dir\\file");
    }

    @Test
    void tokenizeKeepsEmptyQuotedArguments() {
        assertThat(JmhOptions.tokenize("-jvmArgs \"\" x")).containsExactly("-jvmArgs", "", "x");
    }

    @Test
    void tokenizeRejectsUnclosedQuote() {
        assertThatThrownBy(() -> JmhOptions.tokenize("-jvmArgs \"-Xmx1g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unclosed \" quote in JMH arguments: -jvmArgs \"-Xmx1g");
    }

    @Test
    void quotedArgumentsTokenizeBackUnchanged() {
        for (String arg : List.of("plain", "a b", "it's", "say \"hi\"", "both ' and \"", "", "C:\\dir\\x y")) {
            assertThat(JmhOptions.tokenize(JmhOptions.quote(arg))).containsExactly(arg);
        }
    }

    private static CommandLineOptions parse(List<String> args) throws CommandLineOptionException {
        return new CommandLineOptions(args.toArray(String[]::new));
    }
}
