package org.reflectlab.core.nn.fast;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds the fast path's direct buffers: when on ({@code bench ui --memory} turns it on before the tour), every slot
 * buffer is noted with the application frames that allocated it, and {@link #live} sums the buffers still reachable by
 * those call sites. Off, a slot pays one volatile read per allocation. Weak references: the census keeps nothing alive.
 */
public final class SlotCensus {

    /** Callers kept per call site (enough to tell a serving warm-up from an experiment's batch). */
    private static final int CALLERS = 4;
    /** The networks' own code (layers, fast path, models), skipped between the layer and its callers. */
    private static final String NETWORKS = "org.reflectlab.core.nn.";

    private static volatile boolean on;
    private static final Map<WeakReference<ByteBuffer>, String> BUFFERS = new ConcurrentHashMap<>();

    private SlotCensus() {
    }

    public static void start() {
        on = true;
    }

    static void allocated(ByteBuffer bytes) {
        if (on) {
            BUFFERS.put(new WeakReference<>(bytes), site(new Throwable().getStackTrace()));
        }
    }

    /**
     * Where a buffer was asked for: the innermost application frame (the layer), then up to {@link #CALLERS} frames
     * outside the networks' own code (who ran the network: a serving warm-up, an experiment), innermost first.
     */
    static String site(StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder();
        int callers = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            boolean own = c.equals(Slot.class.getName()) || c.equals(SlotCensus.class.getName());
            if (own || !c.startsWith("org.reflectlab.")) {
                continue;
            }
            String frame = c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
            if (sb.length() == 0) {
                sb.append(frame);
            } else if (!c.startsWith(NETWORKS) && callers < CALLERS) {
                sb.append(callers++ == 0 ? " ... " : " < ").append(frame);
            }
        }
        return sb.toString();
    }

    /** The live buffers' MB per call site, largest first, at most {@code top} lines (read after a GC for what stays). */
    public static List<String> live(int top) {
        Map<String, Long> bytes = new TreeMap<>();
        BUFFERS.forEach((ref, site) -> {
            ByteBuffer b = ref.get();
            if (b == null) {
                BUFFERS.remove(ref);
            } else {
                bytes.merge(site, (long) b.capacity(), Long::sum);
            }
        });
        List<String> out = new ArrayList<>();
        bytes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> out.add(String.format(Locale.ROOT, "%7.1f MB  %s", e.getValue() / 1048576.0, e.getKey())));
        return out;
    }
}
