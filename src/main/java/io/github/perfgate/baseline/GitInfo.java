package io.github.perfgate.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads the current git commit, when there is one, for the baseline and the journal. */
public final class GitInfo {

    private GitInfo() {
    }

    /**
     * The commit id of HEAD in {@code directory}, with {@code -dirty} appended when tracked files have uncommitted
     * changes; empty when the directory is not in a git checkout or git is not installed.
     */
    public static String headCommit(Path directory) {
        String head = git(directory, "rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "";
        }
        String status = git(directory, "status", "--porcelain", "--untracked-files=no");
        return status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path directory, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
