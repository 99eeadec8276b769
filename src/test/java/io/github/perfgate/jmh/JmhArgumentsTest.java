package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

class JmhArgumentsTest {

    private static final Path RESULT = Path.of("target", "perfgate", "jmh-result.json");

    @Test
    void unsetArgumentsLeaveForkOptionsToTheBenchmarkAndFailOnError() {
        // No -jvmArgs: a benchmark's @Fork(jvmArgs) applies, the others inherit the (clean) JMH host's options.
        assertThat(new JmhArguments().toList()).containsExactly("-foe", "true");
    }

    @Test
    void buildsEveryOptionInOrder() {
        List<String> args = fullArguments().toList();

        assertThat(args).containsExactly(
                "com\\.example\\..*", "Parser",
                "-e", "Slow",
                "-f", "2",
                "-wi", "3",
                "-w", "1s",
                "-i", "5",
                "-r", "100ms",
                "-jvmArgs=-Xmx1g -Dx=1",
                "-prof", "gc",
                "-foe", "true",
                "-rf", "json", "-rff", RESULT.toString());
    }

    @Test
    void jmhParsesTheBuiltArguments() throws CommandLineOptionException {
        CommandLineOptions options = parse(fullArguments().toList());

        assertThat(options.getIncludes()).containsExactly("com\\.example\\..*", "Parser");
        assertThat(options.getExcludes()).containsExactly("Slow");
        assertThat(options.getForkCount().get()).isEqualTo(2);
        assertThat(options.getWarmupIterations().get()).isEqualTo(3);
        assertThat(options.getWarmupTime().get()).isEqualTo(TimeValue.seconds(1));
        assertThat(options.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(options.getMeasurementTime().get()).isEqualTo(new TimeValue(100, TimeUnit.MILLISECONDS));
        assertThat(options.getJvmArgs().get()).containsExactly("-Xmx1g", "-Dx=1");
        assertThat(options.getProfilers()).extracting(p -> p.getKlass()).containsExactly("gc");
        assertThat(options.shouldFailOnError().get()).isTrue();
        assertThat(options.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
        assertThat(options.getResult().get()).isEqualTo(RESULT.toString());
    }

    @Test
    void unsetJvmArgsLeaveJmhToTheAnnotationsAndSetOnesReplaceThem() throws CommandLineOptionException {
        assertThat(parse(new JmhArguments().toList()).getJvmArgs().hasValue()).isFalse();
        assertThat(parse(new JmhArguments().jvmArgs("-Dx=1").toList()).getJvmArgs().get()).containsExactly("-Dx=1");
    }

    /** The claim "JMH's last option wins" is false for JMH 1.37; this is why user options replace ours. */
    @Test
    void jmhRejectsARepeatedOptionInsteadOfLettingTheLastWin() {
        assertThatThrownBy(() -> parse(List.of("-f", "1", "-f", "3")))
                .isInstanceOf(CommandLineOptionException.class)
                .hasMessage("Found multiple arguments for option f, but you asked for only one");
    }

    @Test
    void userOptionsReplaceThePluginsOwn() throws CommandLineOptionException {
        List<String> args = fullArguments()
                .resultFile(null)
                .extraArguments("-f 3 -wi=1 --w 2s -i7 -r 1s -jvmArgs '-Xmx2g -Dy=\"a b\"' -fo false -t 2")
                .toList();

        assertThat(args).containsExactly("com\\.example\\..*", "Parser", "-e", "Slow", "-prof", "gc",
                "-f", "3", "-wi=1", "--w", "2s", "-i7", "-r", "1s", "-jvmArgs", "-Xmx2g -Dy=\"a b\"", "-fo", "false",
                "-t", "2");
        CommandLineOptions options = parse(args);
        assertThat(options.getForkCount().get()).isEqualTo(3);
        assertThat(options.getWarmupIterations().get()).isEqualTo(1);
        assertThat(options.getWarmupTime().get()).isEqualTo(TimeValue.seconds(2));
        assertThat(options.getMeasurementIterations().get()).isEqualTo(7);
        assertThat(options.getMeasurementTime().get()).isEqualTo(TimeValue.seconds(1));
        assertThat(options.getJvmArgs().get()).containsExactly("-Xmx2g", "-Dy=a b");
        assertThat(options.shouldFailOnError().get()).isFalse();
        assertThat(options.getThreads().get()).isEqualTo(2);
    }

    @Test
    void multiValuedUserOptionsAddToThePluginsOwn() throws CommandLineOptionException {
        CommandLineOptions options = parse(fullArguments().extraArguments("Lexer -e Huge -prof stack").toList());

        assertThat(options.getIncludes()).containsExactly("com\\.example\\..*", "Parser", "Lexer");
        assertThat(options.getExcludes()).containsExactly("Slow", "Huge");
        assertThat(options.getProfilers()).extracting(p -> p.getKlass()).containsExactly("gc", "stack");
    }

    @Test
    void userMayNotRedirectTheResultFile() {
        assertThatThrownBy(() -> fullArguments().extraArguments("-rf csv").toList())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Remove -rf/-rff from the extra JMH arguments (-rf csv): perfgate has JMH write its"
                        + " results as JSON to " + RESULT + " and reads them from there.");
        assertThatThrownBy(() -> fullArguments().extraArguments("-rff=other.json").toList())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JmhArguments fullArguments() {
        return new JmhArguments()
                .include(List.of("com\\.example\\..*", "Parser"))
                .exclude(List.of("Slow"))
                .forks(2)
                .warmupIterations(3)
                .warmupTime("1s")
                .iterations(5)
                .time("100ms")
                .jvmArgs("-Xmx1g -Dx=1")
                .profilers(List.of("gc"))
                .resultFile(RESULT);
    }

    private static CommandLineOptions parse(List<String> args) throws CommandLineOptionException {
        return new CommandLineOptions(args.toArray(String[]::new));
    }

    @Test
    void withoutOptionDropsEverySpellingAndKeepsTheRest() {
        String rest = JmhArguments.withoutOption("-f 2 -wi 2 --f=3 -f4 -p 'name=a b' -jvmArgsAppend \"-Dq='x'\"",
                "f");

        assertThat(JmhArguments.tokenize(rest)).containsExactly("-wi", "2", "-p", "name=a b", "-jvmArgsAppend",
                "-Dq='x'");
        assertThat(JmhArguments.withoutOption("", "f")).isEmpty();
        // "-fo" is -foe, not -f; "-jvmArgs -f" gives -f as the value of -jvmArgs.
        assertThat(JmhArguments.tokenize(JmhArguments.withoutOption("-fo false -jvmArgs -f", "f")))
                .containsExactly("-fo", "false", "-jvmArgs", "-f");
    }

    @Test
    void describesThePluginsSettings() {
        List<String> args = fullArguments().toList();

        assertThat(JmhArguments.describeSettings(args, "")).isEqualTo("2 forks x 3 warm-up x 1s, 5 x 100ms");
    }

    @Test
    void describesWhatJmhGetsAfterTheExtraArguments() throws CommandLineOptionException {
        String extra = "-f 1 -wi=2 --w 200ms -i3 -r 200ms";
        List<String> args = fullArguments().resultFile(null).extraArguments(extra).toList();

        assertThat(JmhArguments.describeSettings(args, extra))
                .isEqualTo("1 fork x 2 warm-up x 200ms, 3 x 200ms; -f, -wi, -w, -i, -r from perfgate.jmhArgs");
        CommandLineOptions options = parse(args);
        assertThat(options.getForkCount().get()).isEqualTo(1);
        assertThat(options.getWarmupIterations().get()).isEqualTo(2);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(3);
        assertThat(options.getMeasurementTime().get()).isEqualTo(new TimeValue(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aValuePerfgateCannotReadIsLeftToTheExtraArguments() {
        List<String> args = fullArguments().resultFile(null).extraArguments("-r 1.5s").toList();

        assertThat(JmhArguments.describeSettings(args, "-r 1.5s")).isEqualTo("settings from perfgate.jmhArgs");
        assertThat(JmhArguments.describeSettings(new JmhArguments().toList(), ""))
                .isEqualTo("settings from perfgate.jmhArgs");
    }
}
