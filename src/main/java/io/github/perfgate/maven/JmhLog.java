package io.github.perfgate.maven;

import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhRunListener;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** Streams JMH's progress into the Maven log (JMH's own lines at debug level). */
final class JmhLog implements JmhRunListener {

    private final Log log;

    JmhLog(Log log) {
        this.log = log;
    }

    @Override
    public void line(String line) {
        log.debug("[jmh] " + line);
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
}
