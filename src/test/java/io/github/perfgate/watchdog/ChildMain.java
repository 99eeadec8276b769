package io.github.perfgate.watchdog;

import java.nio.file.Path;

/**
 * A program for {@link ParentWatchdogTest} to run under the watchdog: {@code spawn} starts a grandchild JVM that
 * sleeps, prints its pid and sleeps too (as JMH's host does with its forks); {@code sleep} sleeps; {@code exit N}
 * returns, or exits with N.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "spawn" -> {
                Process grandchild = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(), "sleep")
                        .inheritIO().start();
                System.out.println(grandchild.pid());
                System.out.flush();
                Thread.sleep(600_000);
            }
            case "sleep" -> Thread.sleep(600_000);
            case "exit" -> {
                System.out.println("ran with " + String.join(" ", args));
                if (!args[1].equals("0")) {
                    System.exit(Integer.parseInt(args[1]));
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
