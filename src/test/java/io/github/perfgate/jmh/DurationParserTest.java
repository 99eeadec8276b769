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
}
