package org.reflectlab.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start-up milestones in milliseconds after JVM start (window shown, main window built, backend
 * ready). With the environment variable REFLECTLAB_TIMING set, each is printed to stderr as
 * {@code startup: <what> <ms> ms after JVM start}, which is what the README's start-up numbers read.
 */
public final class StartupTimes {

    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private StartupTimes() {
    }

    /** Records (and, with REFLECTLAB_TIMING set, prints) a milestone; returns its time after JVM start. */
    public static synchronized long mark(String what) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        MARKS.putIfAbsent(what, ms);
        if (System.getenv("REFLECTLAB_TIMING") != null) {
            System.err.printf("startup: %s %d ms after JVM start%n", what, ms);
        }
        return ms;
    }

    /** The milestones so far, in order. */
    public static synchronized Map<String, Long> marks() {
        return Map.copyOf(MARKS);
    }
}
