package org.reflectlab.core.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Where this process's memory is, read from inside it: resident set (now and peak), Java heap (used and committed),
 * direct NIO buffers, JavaCPP's native allocations (ND4J arrays, the fast path's buffers) and, when the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, the JVM's own native areas; plus the heap's largest classes (the histogram
 * {@code jcmd <pid> GC.class_histogram} prints). Linux figures read /proc; elsewhere they are -1.
 */
public final class MemoryReport {

    /**
     * One reading, in MB. {@code rssAnonMb} / {@code rssFileMb}: the resident set's anonymous part (heap, malloc, JIT code,
     * metaspace) and its file-backed part (mapped jars, the JDK's and native libraries' code).
     */
    public record Snapshot(long rssMb, long peakRssMb, long heapUsedMb, long heapCommittedMb, long directMb, long javacppMb,
                           long rssAnonMb, long rssFileMb) {
        public String line() {
            return String.format(Locale.ROOT, "RSS %d MB (peak %d; anonymous %d, file-backed %d), heap used %d MB of %d committed, "
                    + "direct buffers %d MB, JavaCPP native %d MB", rssMb, peakRssMb, rssAnonMb, rssFileMb, heapUsedMb, heapCommittedMb,
                    directMb, javacppMb);
        }
    }

    private MemoryReport() {
    }

    /** Reads every figure now; with {@code collect}, after a full GC first (so the heap figure is what is live). */
    public static Snapshot now(boolean collect) {
        if (collect) {
            collect();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Snapshot(status("VmRSS:"), status("VmHWM:"), heap.getUsed() >> 20, heap.getCommitted() >> 20, directBytes() >> 20,
                javacppBytes() >> 20, status("RssAnon:"), status("RssFile:"));
    }

    /**
     * A full GC, then a wait until the direct buffers it found unreachable are freed: their cleaners (and ND4J's
     * deallocator) run on their own threads after the GC, so a reading taken right after it counted buffers already
     * garbage (measured: 124 MB of "direct buffers" after the idle wait that NMT, read a moment later, put at 5 MB).
     */
    static void collect() {
        System.gc();
        long before = directBytes();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = directBytes();
            if (now == before && i >= 2) {
                return;
            }
            before = now;
        }
    }

    /** Bytes of direct NIO buffers not yet freed (the fast path's slots and weights). */
    static long directBytes() {
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                return b.getMemoryUsed();
            }
        }
        return 0;
    }

    /** JavaCPP's count of the native bytes it allocated (0 if JavaCPP is not loaded). */
    static long javacppBytes() {
        try {
            return (long) Class.forName("org.bytedeco.javacpp.Pointer").getMethod("totalBytes").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }

    /** The heap's {@code top} largest classes by bytes, as jcmd prints them (header included); empty if unavailable. */
    public static List<String> histogram(int top) {
        String text = diagnostic("gcClassHistogram");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (out.size() >= top + 2) {
                break;
            }
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /** The JVM's native memory summary, one line per area ("" unless the JVM runs with NativeMemoryTracking). */
    public static List<String> nativeSummary() {
        String text = diagnostic("vmNativeMemory", "summary");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Total:") || (t.startsWith("-") && t.contains("(reserved="))) {
                out.add(t.replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /**
     * The JVM's native areas on one line, committed MB of the largest ("" unless the JVM runs with NativeMemoryTracking):
     * what of the resident set the JVM itself accounts for, to set beside {@link Snapshot#line()} at each reading.
     */
    public static String nativeLine() {
        return nativeLine(nativeSummary());
    }

    /** {@link #nativeLine()} of the lines {@link #nativeSummary()} gives: areas of 1 MB or more, in their order. */
    static String nativeLine(List<String> summary) {
        StringBuilder sb = new StringBuilder();
        java.util.regex.Pattern area = java.util.regex.Pattern.compile("^-?\\s*([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
        for (String line : summary) {
            java.util.regex.Matcher m = area.matcher(line);
            if (line.startsWith("Total:")) {
                java.util.regex.Matcher t = java.util.regex.Pattern.compile("committed=(\\d+)KB").matcher(line);
                if (t.find()) {
                    sb.insert(0, "NMT committed " + (Long.parseLong(t.group(1)) >> 10) + " MB:");
                }
            } else if (m.find() && Long.parseLong(m.group(2)) >= 1024) {
                sb.append(' ').append(m.group(1).strip()).append(' ').append(Long.parseLong(m.group(2)) >> 10).append(',');
            }
        }
        return sb.length() > 0 && sb.charAt(sb.length() - 1) == ',' ? sb.substring(0, sb.length() - 1) : sb.toString();
    }

    private static String diagnostic(String operation, String... args) {
        try {
            Object r = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    operation, new Object[] {args}, new String[] {String[].class.getName()});
            return String.valueOf(r);
        } catch (Exception e) {
            return "";
        }
    }

    /** The resident set and its peak after {@link #resetPeak()}, from /proc/self/status. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Resets the kernel's peak-RSS mark (VmHWM) of this process (Linux; ignored elsewhere). */
    public static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not allowed: the peak is then the process's since its start
        }
    }
}
