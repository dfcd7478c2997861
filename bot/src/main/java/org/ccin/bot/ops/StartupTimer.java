package org.ccin.bot.ops;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the time of a start goes, for the one log line that says it ("started in 2.4 s: JVM 0.5 s, database
 * 0.6 s, …"): each phase is marked when it ends. The JVM's own part is the time from its start to the first mark's
 * beginning. Not thread-safe: the starting thread uses it.
 */
public final class StartupTimer {
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final long createdNanos = System.nanoTime();
    private final long createdMillis = System.currentTimeMillis();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long lastNanos = createdNanos;

    /** The phase that just ended. */
    public void mark(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, now - lastNanos, Long::sum);
        lastNanos = now;
    }

    /** Milliseconds from the JVM's start until now. */
    public long sinceJvmStartMillis() {
        return (createdMillis - jvmStartMillis) + (System.nanoTime() - createdNanos) / 1_000_000;
    }

    /** "JVM and loading 0.52 s, database 0.31 s, …". */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format("JVM and loading %.2f s", (createdMillis - jvmStartMillis) / 1000.0));
        text.append(phases.entrySet().stream().map(e -> String.format(", %s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining()));
        return text.toString();
    }

    public Map<String, Long> phaseNanos() {
        return Map.copyOf(phases);
    }
}
