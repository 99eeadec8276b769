package io.github.perfgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void formatsDurationsAsUsersTypeThem() {
        assertThat(Deadline.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Deadline.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(Deadline.format(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(Deadline.format(Duration.ofMinutes(20))).isEqualTo("20m");
        assertThat(Deadline.format(Duration.ofHours(1).plusSeconds(5))).isEqualTo("1h5s");
        assertThat(Deadline.format(Duration.ofHours(26))).isEqualTo("26h");
    }

    @Test
    void keepsTheConfiguredTimeoutAndRefusesNonPositiveOnes() {
        assertThat(Deadline.after(Duration.ofMinutes(60)).timeout()).isEqualTo(Duration.ofMinutes(60));
        assertThat(Deadline.after(Duration.ofMinutes(60)).remainingNanos()).isPositive();
        assertThatThrownBy(() -> Deadline.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
