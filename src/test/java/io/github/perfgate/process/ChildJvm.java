package io.github.perfgate.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small program for {@link ProcessSupervisorTest} to run as a supervised JVM, on the test classpath:
 * <ul>
 *   <li>{@code lines N CODE}: prints {@code line 1} to {@code line N}, then exits with CODE;</li>
 *   <li>{@code spawn}: starts a grandchild JVM ({@code sleep}, with the same {@code perfgate.test.marker}), prints
 *       its pid and sleeps, as JMH's host does with its forks;</li>
 *   <li>{@code sleep}: sleeps;</li>
 *   <li>{@code environment}: prints the variables the supervisor strips, one that it keeps, and the system
 *       properties the stripped ones would set;</li>
 *   <li>{@code supervise}: runs {@code environment} under a {@link ProcessSupervisor} and prints its output, so that a
 *       test can give the supervisor an environment of its choosing.</li>
 * </ul>
 */
public final class ChildJvm {

    static final String MARKER = "perfgate.test.marker";
    static final List<String> VARIABLES =
            List.of("MAVEN_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "PERFGATE_TEST_KEPT");
    static final List<String> PROPERTIES =
            List.of("perfgate.test.maven", "perfgate.test.tool", "perfgate.test.underscore", "perfgate.test.jdk");

    private ChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "lines" -> {
                for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
                    System.out.println("line " + i);
                }
                System.out.flush();
                System.exit(Integer.parseInt(args[2]));
            }
            case "spawn" -> {
                Process grandchild = new ProcessBuilder(java().toString(), "-D" + MARKER + "="
                        + System.getProperty(MARKER), "-cp", System.getProperty("java.class.path"),
                        ChildJvm.class.getName(), "sleep").inheritIO().start();
                System.out.println(grandchild.pid());
                System.out.flush();
                Thread.sleep(600_000);
            }
            case "sleep" -> Thread.sleep(600_000);
            case "environment" -> {
                VARIABLES.forEach(name -> System.out.println(name + "=" + System.getenv(name)));
                PROPERTIES.forEach(name -> System.out.println(name + "=" + System.getProperty(name)));
            }
            case "supervise" -> {
                JvmLaunch launch = launch("supervised", "environment");
                ProcessSupervisor.Completion completion = new ProcessSupervisor().run(launch,
                        Deadline.after(Duration.ofMinutes(2)), line -> System.out.println("child: " + line));
                System.out.println("exit " + completion.exitCode());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** This program under the watchdog, on this JVM's classpath, with a marker on its command line. */
    static JvmLaunch launch(String marker, String... arguments) {
        return new JvmLaunch(java(), List.of("-D" + MARKER + "=" + marker, "-Xmx32m", "-cp",
                System.getProperty("java.class.path")), ChildJvm.class.getName(), List.of(arguments),
                Path.of("").toAbsolutePath());
    }
}
