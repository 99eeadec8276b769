package io.github.perfgate.maven;

import io.github.perfgate.check.Decision;
import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.ReportData;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the benchmarks and writes the baseline file, to be committed. Works on a project that has no baseline yet:
 * {@code mvn test-compile perfgate:baseline}. With {@code include}/{@code exclude}, only the selected benchmarks
 * are re-recorded and the other entries of an existing baseline are kept.
 */
@Mojo(name = "baseline", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class BaselineMojo extends AbstractPerfgateMojo {

    @Override
    protected String compileAndRun() {
        return "test-compile perfgate:baseline";
    }

    @Override
    protected void checkGoalParameters(ParameterCheck check) {
        check.writableFile("perfgate.baselineFile", baselineFile.toPath());
    }

    @Override
    protected void perform() throws PerfgateException {
        Baseline previous = selective() && Files.exists(baselineFile.toPath()) ? readBaseline() : null;
        Measurement measurement = measure();
        if (measurement.run().results().isEmpty()) {
            throw new PerfgateException("JMH produced no results, so no baseline was written. Check "
                    + "perfgate.include/perfgate.exclude.");
        }
        recorder(null).apply(previous, measurement, Decision.RECORD);
        Reports.write(getLog(), ReportData.baseline(measurement.run().results(), Environment.detect(measurement.run()),
                previous == null ? null : previous.environment(), project.getArtifactId(), Instant.now(),
                List.of("recorded as the baseline " + baselineFile)), outputDirectory);
    }
}
