package org.reflectlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads, summed by what they do (by thread name): where a benchmark's
 * time went when client and server share the process and its cores. A thread that ended between two
 * snapshots loses its time since the first: a lower bound per group, exact for pools that keep
 * their threads (Pekko's dispatchers, the workers').
 */
public final class ThreadCpu {

    /** Group names in print order, each with the thread-name fragment that selects it (first match wins). */
    private static final String[][] GROUPS = {
        {"model workers", "worker-dispatcher"},
        {"HTTP client", "HttpClient"},
        {"load generator", "offered-load"},
        {"Pekko (HTTP server, admission, handlers)", "reflectlab-pekko"},
    };
    private static final String OTHER = "other (GC, JIT, ...)";

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new java.util.HashMap<>();

    /** Starts counting from now. */
    public ThreadCpu() {
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                start.put(id, t);
            }
        }
    }

    /** Seconds of CPU per group since this object was made, gathered now. */
    public Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String[] g : GROUPS) {
            out.put(g[0], 0.0);
        }
        out.put(OTHER, 0.0);
        long[] ids = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long now = mx.getThreadCpuTime(ids[i]);
            if (now < 0 || infos[i] == null) {
                continue;
            }
            out.merge(group(infos[i].getThreadName()), (now - start.getOrDefault(ids[i], 0L)) / 1e9, Double::sum);
        }
        return out;
    }

    private static String group(String thread) {
        for (String[] g : GROUPS) {
            if (thread.contains(g[1])) {
                return g[0];
            }
        }
        return OTHER;
    }

    /** "model workers 12.3 s, HTTP client 4.5 s, ..." */
    public String line() {
        StringBuilder b = new StringBuilder();
        seconds().forEach((g, s) -> b.append(b.length() == 0 ? "" : ", ").append(g).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f s", s)));
        return b.toString();
    }
}
