package io.github.perfgate.baseline;

import io.github.perfgate.jmh.JmhResultException;
import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.JmhRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads either kind of result file perfgate can compare: a perfgate baseline, or a JMH JSON result
 * ({@code -rf json}). A JMH result becomes a baseline without calibration whose environment holds what JMH
 * recorded (JDK, VM, JMH version); the machine it ran on is unknown. Either kind is refused when it holds values
 * that cannot be compared ({@link BaselineValidator}).
 */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static Baseline load(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BaselineException("No file at " + file + ": name a perfgate baseline or a JMH JSON result"
                    + " (-rf json)", e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read " + file + ": " + e, e);
        }
        if (text.isBlank()) {
            throw new BaselineException(file + " is empty (" + text.getBytes(StandardCharsets.UTF_8).length
                    + " bytes): name a perfgate baseline or a JMH JSON result (-rf json)");
        }
        if (text.stripLeading().startsWith("[")) {
            try {
                JmhRun run = new JmhResultParser().parse(text, file.toString());
                String problem = BaselineValidator.measurementProblem(run.results(), null,
                        "The JMH results in " + file);
                if (problem != null) {
                    throw new BaselineException(problem);
                }
                Environment environment = new Environment(run.jdkVersion(), run.vmName(), run.vmVersion(),
                        run.jmhVersion(), "", "", "", "", 0);
                return new Baseline("", "", environment, run.results());
            } catch (JmhResultException e) {
                throw new BaselineException(e.getMessage(), e);
            }
        }
        return new BaselineStore().parse(text, file, " Pass a perfgate baseline or a JMH JSON result (written with"
                + " JMH's -rf json) as -Dperfgate.base and -Dperfgate.current.");
    }
}
