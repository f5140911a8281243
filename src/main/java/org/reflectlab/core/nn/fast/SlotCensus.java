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

    /** Application frames kept per call site (enough to tell a serving warm-up from an experiment's batch). */
    private static final int FRAMES = 6;

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

    /** The application frames (outside the slot itself) that asked for a buffer, innermost first. */
    static String site(StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            boolean own = c.equals(Slot.class.getName()) || c.equals(SlotCensus.class.getName());
            if (n < FRAMES && c.startsWith("org.reflectlab.") && !own) {
                sb.append(n++ == 0 ? "" : " < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
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
