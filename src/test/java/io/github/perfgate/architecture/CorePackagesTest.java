package io.github.perfgate.architecture;

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

/**
 * The architecture's rules, checked on the sources: only {@code io.github.perfgate.maven} imports Maven, the
 * watchdog (which runs on benchmark classpaths) imports nothing of perfgate or of any library, and every package
 * says what it is for in a {@code package-info.java}.
 */
class CorePackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/perfgate");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void noCorePackageImportsMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (file.startsWith(SOURCES.resolve("maven"))) {
                continue;
            }
            for (String imported : imports(file)) {
                if (imported.startsWith("org.apache.maven") || imported.startsWith("org.codehaus.plexus")
                        || imported.startsWith("org.eclipse.aether")) {
                    offenders.add(SOURCES.relativize(file) + " imports " + imported);
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(javaFiles()).as("the scan found the sources").hasSizeGreaterThan(50);
    }

    @Test
    void theWatchdogDependsOnTheJdkOnly() throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("watchdog"))) {
            for (Path file : files.toList()) {
                imports.addAll(imports(file));
            }
        }
        assertThat(imports).isNotEmpty().allMatch(i -> i.startsWith("java."), "starts with java.");
    }

    @Test
    void theDomainModelDependsOnTheJdkOnly() throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("model"))) {
            for (Path file : files.toList()) {
                imports.addAll(imports(file));
            }
        }
        assertThat(imports).isNotEmpty().allMatch(i -> i.startsWith("java."), "starts with java.");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            assertThat(dirs.filter(Files::isDirectory).toList())
                    .isNotEmpty()
                    .allMatch(dir -> Files.isRegularFile(dir.resolve("package-info.java")), "has a package-info.java");
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> result = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }
}
