package io.github.perfgate.check;

import static io.github.perfgate.check.CheckProcedureTest.BASELINE;
import static io.github.perfgate.check.CheckProcedureTest.FAST;
import static io.github.perfgate.check.CheckProcedureTest.FINE;
import static io.github.perfgate.check.CheckProcedureTest.NEVER;
import static io.github.perfgate.check.CheckProcedureTest.PASSED;
import static io.github.perfgate.check.CheckProcedureTest.avgt;
import static io.github.perfgate.check.CheckProcedureTest.measurement;
import static io.github.perfgate.check.CheckProcedureTest.oneRegression;
import static io.github.perfgate.gate.RegressionGateTest.around;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.check.Decision.Action;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();
    private final Console console = Console.of(line -> log.add("INFO " + line), line -> log.add("WARN " + line));
    private final BaselineStore store = new BaselineStore();

    private Path baselineFile() {
        return project.resolve("perf/baseline.json");
    }

    private Path journalFile() {
        return project.resolve("perf/JOURNAL.md");
    }

    private Recorder recorder() {
        return new Recorder(store, new Recorder.Files(baselineFile(), journalFile(), project, false), console);
    }

    private Outcome check(boolean update, String claims, Measurement measurement) {
        CheckOptions options = new CheckOptions(new GateSettings(0.10, List.of(), 0.99), ClaimParser.parse(claims),
                false, true, update, false, 5, null, baselineFile(), journalFile(), false, BenchmarkSelection.ALL,
                project);
        return new CheckProcedure(options).run(BASELINE, measurement, PASSED, NEVER, line -> { });
    }

    @Test
    void anAcceptedClaimWritesTheBaselineThenTheJournalAndSaysHowToCommitFromTheProject() throws Exception {
        Outcome outcome = check(true, "B.fast>=20%", measurement(avgt(FAST, around(100)),
                avgt(FINE, around(200))));
        assertThat(outcome.decision().action()).isEqualTo(Action.UPDATE);

        recorder().apply(BASELINE, outcome);

        Baseline written = store.read(baselineFile());
        assertThat(written.benchmarks()).hasSize(2);
        assertThat(Files.readString(journalFile())).contains("B.fast");
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("INFO perfgate: Baseline written to " + baselineFile()
                + " (2 benchmarks measured). Commit it: git add " + Path.of("perf", "baseline.json"));
        assertThat(log.get(1)).isEqualTo("INFO perfgate: appended 1 accepted claim to " + journalFile()
                + ". Commit it with the baseline.");
    }

    @Test
    void aFailingDecisionWritesNeitherFileAndFailsTheBuildWithItsMessage() {
        Outcome outcome = check(false, "", oneRegression());

        assertThatThrownBy(() -> recorder().apply(BASELINE, outcome)).isInstanceOfSatisfying(PerfgateException.class,
                e -> {
                    assertThat(e.consequence()).isEqualTo(PerfgateException.Consequence.FAILURE);
                    assertThat(e.getMessage()).isEqualTo(outcome.decision().message());
                });
        assertThat(baselineFile()).doesNotExist();
        assertThat(journalFile()).doesNotExist();
    }

    @Test
    void aRefusedUpdateWritesNeitherFile() {
        Outcome outcome = check(true, "B.fast>=20%", oneRegression());
        assertThat(outcome.decision().action()).isEqualTo(Action.REFUSE_UPDATE);

        assertThatThrownBy(() -> recorder().apply(BASELINE, outcome)).isInstanceOf(PerfgateException.class);

        assertThat(baselineFile()).doesNotExist();
        assertThat(journalFile()).doesNotExist();
    }

    @Test
    void passesAreLoggedAndAcceptedRegressionsWarnedBeforeTheBaselineIsWritten() throws Exception {
        Outcome passing = check(false, "", measurement(avgt(FINE, around(200))));
        recorder().apply(BASELINE, passing);
        assertThat(log).containsExactly("WARN " + passing.decision().message());
        log.clear();

        Outcome accepting = check(true, "", oneRegression());
        recorder().apply(BASELINE, accepting);

        assertThat(log.get(0)).startsWith("WARN perfgate: accepting regression of a.B.slow");
        assertThat(log.get(1)).startsWith("INFO perfgate: Baseline written to ");
        assertThat(baselineFile()).exists();
        assertThat(journalFile()).doesNotExist();
    }

    @Test
    void aFirstBaselineIsAnnouncedThenWritten() throws Exception {
        recorder().apply(null, oneRegression(), Decision.firstBaseline(baselineFile(), false));

        assertThat(log.get(0)).isEqualTo("INFO perfgate: no baseline yet at " + baselineFile()
                + "; recording one (perfgate.update=true)");
        assertThat(log.get(1)).startsWith("INFO perfgate: Baseline written to ");
        assertThat(store.read(baselineFile()).benchmarks()).hasSize(2);
    }

    @Test
    void aReplacedInvalidBaselineIsNotAnnouncedAgain() throws Exception {
        recorder().apply(null, oneRegression(), Decision.firstBaseline(baselineFile(), true));

        assertThat(log).singleElement().asString().startsWith("INFO perfgate: Baseline written to ");
    }

    @Test
    void aBaselineThatCannotBeWrittenLeavesTheJournalAlone() throws Exception {
        Files.createDirectories(baselineFile().resolve("in-the-way"));
        Outcome outcome = check(true, "B.fast>=20%", measurement(avgt(FAST, around(100)),
                avgt(FINE, around(200))));

        assertThatThrownBy(() -> recorder().apply(BASELINE, outcome)).isInstanceOfSatisfying(BaselineException.class,
                e -> assertThat(e.consequence()).isEqualTo(PerfgateException.Consequence.ERROR));

        assertThat(journalFile()).doesNotExist();
    }

    @Test
    void aJournalThatCannotBeWrittenIsAnErrorThatSaysTheBaselineWasUpdated() throws Exception {
        Files.createDirectories(journalFile().resolve("in-the-way"));
        Outcome outcome = check(true, "B.fast>=20%", measurement(avgt(FAST, around(100)),
                avgt(FINE, around(200))));

        assertThatThrownBy(() -> recorder().apply(BASELINE, outcome)).isInstanceOfSatisfying(PerfgateException.class,
                e -> {
                    assertThat(e.consequence()).isEqualTo(PerfgateException.Consequence.ERROR);
                    assertThat(e.getMessage()).startsWith("the baseline was updated, but ");
                });
        assertThat(baselineFile()).isRegularFile();
    }

    @Test
    void aRecorderForComparisonsRefusesToRecord() {
        Recorder none = Recorder.nothingToRecord(console);

        assertThatThrownBy(() -> none.apply(null, oneRegression(), Decision.RECORD))
                .isInstanceOf(IllegalStateException.class);
    }
}
