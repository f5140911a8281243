package org.reflectlab.core.serving;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One-shot delays shorter than Pekko's scheduler can give, for the workers' batch windows (max queue
 * delay). Pekko's scheduler advances in 10 ms ticks, so a worker's 1 ms window fired 10-30 ms late:
 * measured on a loaded machine, one image->image request took 54-70 ms through two such windows and
 * 4-13 ms without them; on the quiet machine every route's p50 sat at ~60 ms. A JDK scheduled
 * executor wakes within a fraction of a millisecond. One daemon thread for every node in the JVM: it
 * only sends messages.
 */
final class FlushClock {

    private static final ScheduledThreadPoolExecutor CLOCK = clock();

    private FlushClock() {
    }

    private static ScheduledThreadPoolExecutor clock() {
        ScheduledThreadPoolExecutor c = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "reflectlab-flush-clock");
            t.setDaemon(true);
            return t;
        });
        c.setRemoveOnCancelPolicy(true); // a full batch cancels its window: don't keep the cancelled tasks around
        return c;
    }

    /** Runs {@code action} (a tell) after {@code delay}; cancel the result to drop it. */
    static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return CLOCK.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
