package io.github.perfgate.process;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment by which a supervised process must be done, and the configured timeout it was set from (for messages).
 * One deadline may span several processes, such as JMH's benchmark listing and the run that follows it.
 */
public final class Deadline {

    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout, long endNanos) {
        this.timeout = timeout;
        this.endNanos = endNanos;
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new Deadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    /** The timeout this deadline was set from, as configured. */
    public Duration timeout() {
        return timeout;
    }

    /** Nanoseconds left; zero or less once the deadline has passed. */
    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    /** A duration as a user would type it: {@code 500ms}, {@code 3s}, {@code 2m30s}, {@code 1h}. */
    public static String format(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}
