package io.github.perfgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, checked on the sources: only {@code io.github.perfgate.maven} imports Maven, the
 * watchdog (which runs on benchmark classpaths) imports nothing of perfgate or of any library, and every package
 * says what it is for in a {@code package-info.java}, and every package uses only the packages the README's
 * architecture table allows.
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

    /**
     * What each package may use of perfgate's other packages: the table of README.md's "Architecture" section. A
     * new package, or a new dependency, is a decision to make there first.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("watchdog", Set.of()),
            Map.entry("stats", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("surefire", Set.of()),
            Map.entry("process", Set.of("model", "watchdog")),
            Map.entry("calibration", Set.of("model", "process")),
            Map.entry("cpu", Set.of("watchdog")),
            Map.entry("jmh", Set.of("model", "process", "calibration", "watchdog", "cpu", "files")),
            Map.entry("baseline", Set.of("model", "files", "jmh")),
            Map.entry("gate", Set.of("model", "stats", "surefire", "baseline")),
            Map.entry("report", Set.of("model", "gate", "stats", "baseline", "files", "history")),
            Map.entry("history", Set.of("model", "files", "revision")),
            Map.entry("journal", Set.of("model", "gate", "stats", "files")),
            Map.entry("profile", Set.of("model", "gate", "report")),
            Map.entry("revision", Set.of("model", "process", "files")),
            Map.entry("shard", Set.of("model", "gate")),
            Map.entry("check", Set.of("model", "files", "stats", "surefire", "calibration", "jmh", "baseline",
                    "gate", "report", "journal", "revision", "process", "cpu", "watchdog")));

    private static final Pattern PERFGATE_REFERENCE = Pattern.compile("\\bio\\.github\\.perfgate\\.(\\w+)\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyThePackagesTheArchitectureAllows() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.equals("maven")) {
                    continue;
                }
                Set<String> allowed = ALLOWED.get(name);
                if (allowed == null) {
                    offenders.add(name + " is not in the architecture's table (README.md, Architecture)");
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = PERFGATE_REFERENCE.matcher(Files.readString(file));
                        while (m.find()) {
                            String used = m.group(1);
                            if (!used.equals(name) && !allowed.contains(used)) {
                                offenders.add(SOURCES.relativize(file) + " uses " + used);
                            }
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
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
