package org.reflectlab.ui.kit;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * A workspace's one way onto the FX thread: every hand-over from its background work (batched iterations, the latest
 * chart point, a task's result) is queued here and all of them run together at the start of the next pulse, so the
 * workspace changes its nodes at most once per pulse however many producers it has (the pattern of
 * {@code Task.updateValue}, for a whole workspace). Hand-overs run in the order they were queued; one queued while a
 * drain runs waits for the next pulse. Nothing is scheduled while nothing is queued (no idle pulses).
 * The scheduling is injected, so the coalescing is tested without a toolkit.
 */
public final class PulseFeed implements Executor {

    private final Consumer<Runnable> nextPulse;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long drains;
    private volatile long handed;
    /** Opt-in (the benchmark's): every hand-over that costs the FX thread more CPU than this is reported; off when negative. */
    private static volatile double traceOverMs = -1;
    private static volatile Consumer<String> traceLog = s -> { };

    /** @param nextPulse runs its argument once, on the UI thread, at the next pulse ({@link #fx()} in the app) */
    public PulseFeed(Consumer<Runnable> nextPulse) {
        this.nextPulse = nextPulse;
    }

    /** The app's: drains at the start of the next JavaFX pulse (a one-shot AnimationTimer), before CSS and layout. */
    public static PulseFeed fx() {
        return new PulseFeed(new FxPulse());
    }

    /** Queues {@code update} for the next pulse; any thread. */
    @Override
    public void execute(Runnable update) {
        queue.add(update);
        if (scheduled.compareAndSet(false, true)) {
            nextPulse.accept(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        drains++;
        // only what was queued by now: an update that queues another does not keep this pulse going
        for (int n = queue.size(); n > 0; n--) {
            Runnable r = queue.poll();
            if (r == null) {
                break;
            }
            handed++;
            if (traceOverMs < 0) {
                r.run();
            } else {
                traced(r);
            }
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            nextPulse.accept(this::drain);
        }
    }

    private static void traced(Runnable r) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        r.run();
        double ms = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
        if (ms > traceOverMs) {
            traceLog.accept(String.format(java.util.Locale.ROOT, "%.1f ms FX-thread CPU in %s", ms, r));
        }
    }

    /**
     * Reports each hand-over that costs the FX thread more than {@code overMs} of CPU, with its name ({@link #named}, else
     * its class), to find what a slow frame ran; a negative {@code overMs} turns it off. For benchmarks.
     */
    public static void trace(double overMs, Consumer<String> log) {
        traceLog = log;
        traceOverMs = overMs;
    }

    /** {@code update} under a name the trace reports (a task's result says which task). */
    public static Runnable named(java.util.function.Supplier<String> name, Runnable update) {
        return new Runnable() {
            @Override
            public void run() {
                update.run();
            }

            @Override
            public String toString() {
                return name.get();
            }
        };
    }

    /** How many pulses have run updates. */
    public long drains() {
        return drains;
    }

    /** How many updates have run. */
    public long handed() {
        return handed;
    }

    /** One AnimationTimer, started when a drain is due and stopped by the drain itself. */
    private static final class FxPulse implements Consumer<Runnable> {
        private final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                for (int n = due.size(); n > 0; n--) { // a drain scheduled meanwhile runs at the next pulse
                    Runnable r = due.poll();
                    if (r != null) {
                        r.run();
                    }
                }
            }
        };

        @Override
        public void accept(Runnable drain) {
            due.add(drain);
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }
}
