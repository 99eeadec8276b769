package io.github.perfgate.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The methods that used the CPU, ranked by self time, from JDK Flight Recorder recordings.
 *
 * <p>Every {@code jdk.ExecutionSample} event (JFR's periodic sample of a thread running Java code) counts once, for
 * the method of its top stack frame. Frames are named {@code package.Class.method} without line number or
 * signature, so one method's lines and overloads add up. Samples of every thread count, except those of the
 * profiler itself: JFR's own threads (named {@code JFR ...}) and the {@code Attach Listener}, the thread through
 * which {@code jcmd} starts and stops the recording (in a short profile these are a visible share, and they are
 * never the benchmark's work). No frame is filtered out. Frames of JMH's own harness (the generated {@code *_jmhTest} stubs and
 * {@code org.openjdk.jmh.*}, e.g. {@code Blackhole.consume}) are kept in the ranking and their total is available
 * as {@link #harnessShare()}, because when they rank high that is a finding too: the benchmarked code is so short
 * that JMH's measuring loop is a large part of each operation. Threads in native code or blocked are not sampled
 * by {@code jdk.ExecutionSample} ({@code jdk.NativeMethodSample} is not counted), so this is CPU time in Java code.
 */
public final class HotMethods {

    /** The JFR event whose stack traces are counted. */
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private final List<HotMethod> ranked;
    private final long totalSamples;
    private final long harnessSamples;

    private HotMethods(List<HotMethod> ranked, long totalSamples, long harnessSamples) {
        this.ranked = List.copyOf(ranked);
        this.totalSamples = totalSamples;
        this.harnessSamples = harnessSamples;
    }

    /** No samples at all. */
    public static HotMethods empty() {
        return new HotMethods(List.of(), 0, 0);
    }

    /**
     * Reads JFR recordings and counts their execution samples by top frame; several recordings (e.g. one per fork)
     * add up.
     *
     * @throws ProfileException when a recording cannot be read
     */
    public static HotMethods read(Collection<Path> recordings) throws ProfileException {
        Map<String, Long> counts = new HashMap<>();
        for (Path recording : recordings) {
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    if (!EXECUTION_SAMPLE.equals(event.getEventType().getName())
                            || isProfilerThread(threadName(event))) {
                        continue;
                    }
                    String top = topFrame(event.getStackTrace());
                    if (top != null) {
                        counts.merge(top, 1L, Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new ProfileException("Cannot read the JFR recording " + recording + ": " + e.getMessage(), e);
            }
        }
        return of(counts);
    }

    /** Ranks the given sample counts per method. */
    public static HotMethods of(Map<String, Long> samplesByMethod) {
        long total = 0;
        long harness = 0;
        for (Map.Entry<String, Long> e : samplesByMethod.entrySet()) {
            total += e.getValue();
            if (isHarness(e.getKey())) {
                harness += e.getValue();
            }
        }
        List<HotMethod> ranked = new ArrayList<>();
        for (Map.Entry<String, Long> e : samplesByMethod.entrySet()) {
            ranked.add(new HotMethod(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total));
        }
        ranked.sort(Comparator.comparingLong(HotMethod::samples).reversed().thenComparing(HotMethod::method));
        return new HotMethods(ranked, total, harness);
    }

    /** Every sampled method, most samples first (ties by name). */
    public List<HotMethod> ranked() {
        return ranked;
    }

    /** The first {@code n} of {@link #ranked()}. */
    public List<HotMethod> top(int n) {
        return ranked.subList(0, Math.min(Math.max(n, 0), ranked.size()));
    }

    /** The number of execution samples counted. */
    public long totalSamples() {
        return totalSamples;
    }

    /** The fraction of samples whose top frame is JMH's harness (see the class comment), between 0 and 1. */
    public double harnessShare() {
        return totalSamples == 0 ? 0 : (double) harnessSamples / totalSamples;
    }

    /**
     * True for frames of JMH itself: {@code org.openjdk.jmh.*} (e.g. {@code Blackhole.consume}) and the classes its
     * annotation processor generates ({@code <package>.jmh_generated.*}).
     */
    public static boolean isHarness(String method) {
        return method.startsWith("org.openjdk.jmh.") || method.contains(".jmh_generated.")
                || method.startsWith("jmh_generated.");
    }

    /**
     * True for the threads that run the profiler rather than the benchmark: JFR's own ({@code JFR Periodic Tasks},
     * {@code JFR Recorder Thread}, ...) and the {@code Attach Listener}, which executes {@code jcmd}'s
     * {@code JFR.start} and {@code JFR.stop}.
     */
    public static boolean isProfilerThread(String threadName) {
        return threadName != null && (threadName.startsWith("JFR ") || threadName.equals("Attach Listener"));
    }

    private static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        if (thread == null) {
            return null;
        }
        return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

    /** The {@code package.Class.method} of a stack trace's top frame, or {@code null} for an empty trace. */
    static String topFrame(RecordedStackTrace stackTrace) {
        if (stackTrace == null || stackTrace.getFrames().isEmpty()) {
            return null;
        }
        RecordedFrame frame = stackTrace.getFrames().get(0);
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return null;
        }
        String type = method.getType() == null ? "" : method.getType().getName();
        return type.isEmpty() ? method.getName() : type + "." + method.getName();
    }
}
