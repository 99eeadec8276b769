package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void readsTheFormsUsersWrite() {
        assertThat(DurationParser.parse("500ms", "t")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationParser.parse("90s", "t")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationParser.parse("90", "t")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationParser.parse("30m", "t")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationParser.parse("2h", "t")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationParser.parse("1.5 s", "t")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationParser.parse("PT5M", "t")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationParser.parse("1h30m", "t")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationParser.parse("2m 30s", "t")).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void rejectsNonsenseNamingTheParameter() {
        assertThatThrownBy(() -> DurationParser.parse("soon", "perfgate.timeout"))
                .hasMessageContaining("perfgate.timeout 'soon' is not a positive duration");
        assertThatThrownBy(() -> DurationParser.parse("0s", "perfgate.timeout"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsShortly() {
        assertThat(DurationParser.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationParser.format(Duration.ofSeconds(150))).isEqualTo("2m 30s");
        assertThat(DurationParser.format(Duration.ofMinutes(65))).isEqualTo("1h 05m");
    }

    @Test
    void iterationTimesAreAcceptedExactlyWhenJmhAcceptsThem() {
        for (String ok : java.util.List.of("500ms", "1s", "1 s", "1sec", "2m", "1min", "1hr", "200us", "5ns")) {
            Duration parsed = DurationParser.parseJmhTime(ok, "perfgate.time");
            org.openjdk.jmh.runner.options.TimeValue jmh = org.openjdk.jmh.runner.options.TimeValue.fromString(ok);
            assertThat(parsed.toNanos()).as(ok).isEqualTo(jmh.convertTo(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
        for (String bad : java.util.List.of("1.5s", "1h", "PT1S", "0s", "", "fast")) {
            assertThatThrownBy(() -> DurationParser.parseJmhTime(bad, "perfgate.time")).as(bad)
                    .hasMessageStartingWith("perfgate.time '" + bad + "' is not a time JMH accepts");
        }
        assertThatThrownBy(() -> org.openjdk.jmh.runner.options.TimeValue.fromString("1.5s"))
                .isInstanceOf(NumberFormatException.class);
    }
    @Test
    void timesPerIterationAreConvertedToTheFormJmhReads() {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("1.5s", "1500ms");
        cases.put("PT1S", "1s");
        cases.put("pt1.5s", "1500ms");
        cases.put("0.5ms", "500us");
        cases.put("PT0.0000005S", "500ns");
        cases.put("0.25 s", "250ms");
        cases.put("2m", "120s");
        cases.put("1h", "3600s");
        cases.put("1hr", "3600s");
        cases.put("500ms", "500ms");
        cases.put("1 sec", "1s");
        cases.put("200us", "200us");
        cases.put("5ns", "5ns");
        cases.forEach((in, out) -> {
            String converted = DurationParser.toJmhTime(in, "perfgate.time");
            assertThat(converted).as(in).isEqualTo(out);
            // JMH accepts the result.
            org.openjdk.jmh.runner.options.TimeValue.fromString(converted);
        });
        assertThat(org.openjdk.jmh.runner.options.TimeValue.fromString(DurationParser.toJmhTime("1.5s", "t"))
                .convertTo(java.util.concurrent.TimeUnit.MICROSECONDS)).isEqualTo(1_500_000);
    }

    @Test
    void aTimeThatCannotBeConvertedNamesTheParameter() {
        for (String bad : java.util.List.of("fast", "", "0s", "PT0S", "0.5ns", "1.5", "-1s", "PT-1S", "1.0000000001s")) {
            assertThatThrownBy(() -> DurationParser.toJmhTime(bad, "perfgate.warmupTime")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("perfgate.warmupTime '" + bad + "' is not a time per iteration");
        }
    }
}
