package io.github.perfgate.baseline;

import io.github.perfgate.model.Environment;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    @Test
    void reportsEachDifferenceThatCanExplainATimingChange() {
        Environment base = BaselineStoreTest.env();
        Environment now = new Environment("21.0.2", "OpenJDK 64-Bit Server VM", "21.0.2+13", "1.37", "Linux", "6.1",
                "amd64", "Other CPU", 4);

        assertThat(now.differencesFrom(base)).containsExactly("JDK 17.0.15 -> 21.0.2",
                "CPU Test CPU @ 2.0GHz -> Other CPU", "CPU count 2 -> 4");
        assertThat(base.differencesFrom(base)).isEmpty();
    }

    @Test
    void unknownValuesAreNotReportedAsDifferences() {
        Environment base = new Environment("", "", "", "", "", "", "", "unknown", 0);
        assertThat(BaselineStoreTest.env().differencesFrom(base)).isEmpty();
    }
}
