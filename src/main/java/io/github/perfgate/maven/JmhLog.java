package io.github.perfgate.maven;

import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhRunListener;
import java.time.Duration;
import java.util.ArrayDeque;
import org.apache.maven.plugin.logging.Log;

/** Streams JMH's progress into the Maven log, and keeps JMH's last lines to show when it fails. */
final class JmhLog implements JmhRunListener {

    /** How many of JMH's last lines are kept. */
    static final int RECENT = 40;

    private final Log log;
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    JmhLog(Log log) {
        this.log = log;
    }

    @Override
    public void line(String line) {
        log.debug("[jmh] " + line);
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    @Override
    public void progress(int index, int total, String benchmark, Duration eta) {
        String position = total > 0 ? "[" + index + "/" + total + "] " : "[" + index + "] ";
        String left = eta == null || eta.isZero() ? "" : " (about " + DurationParser.format(eta) + " left)";
        log.info(position + benchmark + left);
    }

    @Override
    public void waiting(String why) {
        log.warn("perfgate: " + why);
    }

    /** Logs the last lines JMH printed as errors: they are only logged at debug level otherwise. */
    void showRecent() {
        log.error("perfgate: the last lines JMH printed:");
        recent.forEach(line -> log.error("[jmh] " + line));
    }
}
