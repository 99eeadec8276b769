package io.github.perfgate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The supervisor serves every child JVM, so it knows nothing of JMH or calibration: a scan of its imports. */
class ProcessPackageDependenciesTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void dependsOnTheJdkTheModelAndTheWatchdogOnly() throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/perfgate/process"))) {
            for (Path file : files.toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    imports.add(m.group(1));
                }
            }
        }
        assertThat(imports).isNotEmpty().allMatch(i -> i.startsWith("java.")
                || i.startsWith("io.github.perfgate.model.") || i.startsWith("io.github.perfgate.watchdog."),
                "a JDK, model or watchdog import");
    }
}
