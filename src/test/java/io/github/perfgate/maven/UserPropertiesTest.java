package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code perfgate.*} user property reaches its parameter: each is set on the session, as
 * {@code -Dperfgate.x=y} would, to a value that differs from the default.
 */
@MojoTest
@SuppressWarnings("unchecked")
class UserPropertiesTest extends MojoHarness {

    @BeforeEach
    void commandLine() {
        set("skip", "true");
        set("include", "ParserBench.parse,JsonBench.*");
        set("exclude", "SlowBench");
        set("forks", "2");
        set("warmupIterations", "0");
        set("warmupTime", "200ms");
        set("iterations", "4");
        set("time", "300ms");
        set("jvmArgs", "-Xmx512m");
        set("jmhArgs", "-p size=10");
        set("timeout", "PT5M");
        set("jvm", "/opt/jdk/bin/java");
        set("allocation", "false");
        set("calibrate", "false");
        set("baselineFile", "other/base.json");
        set("resultsFile", "target/jmh.json");
        set("outputDirectory", "target/gate");
        set("regressionThreshold", "12%");
        set("allocationThreshold", "off");
        set("confidence", "0.95");
        set("failOnRegression", "false");
        set("update", "true");
        set("remeasure", "false");
        set("remeasureForks", "7");
        set("claims", "ParserBench.parse>=20%,JsonBench.write");
        set("strictClaims", "true");
        set("journalFile", "perf/LOG.md");
        set("testReportsDirectories", "target/r1,target/r2");
        set("failOnMissing", "true");
        set("against", "origin/main");
        set("rounds", "8");
        set("maxRounds", "16");
        set("budget", "10m");
        set("metric", "cpu");
        set("classpathFile", "target/cp.txt");
        set("classpathFor", "com.example:app");
        set("profileForks", "2");
        set("profileTop", "5");
        set("asyncProfiler", "/opt/async/lib.so");
        set("base", "old.json");
        set("current", "new.json");
        set("history", "git-notes");
        set("historyLength", "7");
    }

    private void set(String parameter, String value) {
        userProperties.setProperty("perfgate." + parameter, value);
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    void check(CheckMojo mojo) {
        assertSharedProperties(mojo);
        assertThat((String) field(mojo, "regressionThreshold")).isEqualTo("12%");
        assertThat((String) field(mojo, "allocationThreshold")).isEqualTo("off");
        assertThat((double) field(mojo, "confidence")).isEqualTo(0.95);
        assertThat((boolean) field(mojo, "failOnRegression")).isFalse();
        assertThat((boolean) field(mojo, "update")).isTrue();
        assertThat((boolean) field(mojo, "remeasure")).isFalse();
        assertThat((int) field(mojo, "remeasureForks")).isEqualTo(7);
        assertThat((String) field(mojo, "claimsProperty")).isEqualTo("ParserBench.parse>=20%,JsonBench.write");
        assertThat((boolean) field(mojo, "strictClaims")).isTrue();
        assertThat((File) field(mojo, "journalFile")).isEqualTo(inBasedir("perf/LOG.md"));
        assertThat((List<File>) field(mojo, "testReportsDirectories"))
                .containsExactly(inBasedir("target/r1"), inBasedir("target/r2"));
        assertThat((boolean) field(mojo, "failOnMissing")).isTrue();
        assertThat((String) field(mojo, "against")).isEqualTo("origin/main");
        assertThat((int) field(mojo, "rounds")).isEqualTo(8);
        assertThat((int) field(mojo, "maxRounds")).isEqualTo(16);
        assertThat((String) field(mojo, "budget")).isEqualTo("10m");
        assertThat((String) field(mojo, "metric")).isEqualTo("cpu");
    }

    @Test
    @InjectMojo(goal = "test-classpath", pom = POMS + "defaults-pom.xml")
    void testClasspath(ClasspathMojo mojo) {
        assertThat((File) field(mojo, "classpathFile")).isEqualTo(inBasedir("target/cp.txt"));
        assertThat((String) field(mojo, "classpathFor")).isEqualTo("com.example:app");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POMS + "defaults-pom.xml")
    void baseline(BaselineMojo mojo) {
        assertSharedProperties(mojo);
    }

    @Test
    @InjectMojo(goal = "profile", pom = POMS + "defaults-pom.xml")
    void profile(ProfileMojo mojo) {
        assertSharedProperties(mojo);
        assertThat((int) field(mojo, "profileForks")).isEqualTo(2);
        assertThat((int) field(mojo, "profileTop")).isEqualTo(5);
        assertThat((File) field(mojo, "asyncProfiler")).isEqualTo(new File("/opt/async/lib.so"));
    }

    @Test
    @InjectMojo(goal = "history", pom = POMS + "defaults-pom.xml")
    void history(HistoryMojo mojo) {
        assertThat((boolean) field(mojo, "skip")).isTrue();
        assertThat((String) field(mojo, "history")).isEqualTo("git-notes");
        assertThat((int) field(mojo, "historyLength")).isEqualTo(7);
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/gate"));
    }

    @Test
    @InjectMojo(goal = "compare", pom = POMS + "defaults-pom.xml")
    void compare(CompareMojo mojo) {
        assertThat((boolean) field(mojo, "skip")).isTrue();
        assertThat((File) field(mojo, "base")).isEqualTo(inBasedir("old.json"));
        assertThat((File) field(mojo, "current")).isEqualTo(inBasedir("new.json"));
        assertThat((String) field(mojo, "regressionThreshold")).isEqualTo("12%");
        assertThat((double) field(mojo, "confidence")).isEqualTo(0.95);
        assertThat((String) field(mojo, "allocationThreshold")).isEqualTo("off");
        assertThat((boolean) field(mojo, "failOnRegression")).isFalse();
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/gate"));
        assertThat((String) field(mojo, "metric")).isEqualTo("cpu");
    }

    private static void assertSharedProperties(AbstractPerfgateMojo mojo) {
        assertThat((boolean) field(mojo, "skip")).isTrue();
        assertThat((List<String>) field(mojo, "include")).containsExactly("ParserBench.parse", "JsonBench.*");
        assertThat((List<String>) field(mojo, "exclude")).containsExactly("SlowBench");
        assertThat((int) field(mojo, "forks")).isEqualTo(2);
        assertThat((Integer) field(mojo, "warmupIterations")).isEqualTo(0);
        assertThat((String) field(mojo, "warmupTime")).isEqualTo("200ms");
        assertThat((Integer) field(mojo, "iterations")).isEqualTo(4);
        assertThat((String) field(mojo, "time")).isEqualTo("300ms");
        assertThat((String) field(mojo, "jvmArgs")).isEqualTo("-Xmx512m");
        assertThat((String) field(mojo, "jmhArgs")).isEqualTo("-p size=10");
        assertThat((String) field(mojo, "timeout")).isEqualTo("PT5M");
        assertThat((File) field(mojo, "jvm")).isEqualTo(new File("/opt/jdk/bin/java"));
        assertThat((boolean) field(mojo, "allocation")).isFalse();
        assertThat((boolean) field(mojo, "calibrate")).isFalse();
        assertThat((File) field(mojo, "baselineFile")).isEqualTo(inBasedir("other/base.json"));
        assertThat((File) field(mojo, "resultsFile")).isEqualTo(inBasedir("target/jmh.json"));
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/gate"));
    }
}
