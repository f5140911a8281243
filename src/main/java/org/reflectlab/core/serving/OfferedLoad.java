package org.reflectlab.core.serving;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load a client offers, whoever serves it (the node in-process, or its HTTP API): open loop at a
 * fixed rate (requests go out on schedule whether or not earlier ones came back, as real traffic
 * does), or closed loop with a fixed number outstanding (to measure capacity). Counts how each
 * request ended and keeps latency histograms of admitted-and-completed and of refused requests.
 * A request whose stage never completes is counted lost at {@link #drain}.
 */
public final class OfferedLoad implements AutoCloseable {

    /**
     * How one request ended, as its client saw it. ANSWERED_FAILED: the server answered that its worker failed
     * (HTTP 500: on the shipped model mostly a decoded caption of which nothing parses, i.e. the model's output, not the
     * serving); FAILED: no answer at all (a client or connection error).
     */
    public enum Outcome { COMPLETED, SHED, REJECTED, TIMED_OUT, FAILED, ANSWERED_FAILED }

    /** Sends request number i; the stage completes with how it ended (never exceptionally, or it counts as failed). */
    @FunctionalInterface
    public interface Sender {
        CompletionStage<Outcome> send(int i);
    }

    /** A moment's counts; latencies in ms. */
    public record Snapshot(long sent, long[] ended, long inFlight, double seconds, double completedP50, double completedP99,
                           double refusedP99, long lateCompleted) {
        public long count(Outcome o) {
            return ended[o.ordinal()];
        }

        public double goodput() {
            return seconds <= 0 ? 0 : (count(Outcome.COMPLETED) - lateCompleted) / seconds;
        }
    }

    private static final long TICK_MICROS = 2_000;

    private final Sender sender;
    private final long deadlineNanos;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reflectlab-offered-load");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLongArray ended = new AtomicLongArray(Outcome.values().length);
    private final AtomicLong late = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();
    private final LatencyHistogram completed = new LatencyHistogram();
    private final LatencyHistogram refused = new LatencyHistogram();
    private final long startNanos = System.nanoTime();
    private volatile double rate;
    private double owed;
    private ScheduledFuture<?> ticking;

    /** @param deadlineMillis a completed request slower than this counts as late (not goodput) */
    public OfferedLoad(Sender sender, long deadlineMillis) {
        this.sender = sender;
        this.deadlineNanos = deadlineMillis * 1_000_000L;
    }

    /** Offers this many requests per second from now on (0 = pause). */
    public synchronized void rate(double perSecond) {
        rate = Math.max(0, perSecond);
        if (ticking == null) {
            ticking = clock.scheduleAtFixedRate(this::tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    public double rate() {
        return rate;
    }

    private void tick() {
        owed += rate * TICK_MICROS / 1e6;
        // after a stall (GC, a busy machine) do not burst out everything owed at once
        owed = Math.min(owed, Math.max(1, rate * 0.05));
        while (owed >= 1) {
            owed -= 1;
            fire();
        }
    }

    private void fire() {
        long t0 = System.nanoTime();
        sent.incrementAndGet();
        CompletionStage<Outcome> stage;
        try {
            stage = sender.send(next.getAndIncrement());
        } catch (RuntimeException e) {
            end(Outcome.FAILED, t0);
            return;
        }
        stage.whenComplete((o, e) -> end(o == null ? Outcome.FAILED : o, t0));
    }

    private void end(Outcome o, long t0) {
        long nanos = System.nanoTime() - t0;
        ended.incrementAndGet(o.ordinal());
        if (o == Outcome.COMPLETED) {
            completed.record(nanos);
            if (nanos > deadlineNanos) {
                late.incrementAndGet();
            }
        } else if (o == Outcome.SHED || o == Outcome.REJECTED) {
            refused.record(nanos);
        }
    }

    /**
     * Closed loop: keeps {@code outstanding} requests in flight for this long and returns completed
     * requests per second, the capacity the open-loop multiples are taken of.
     */
    public static double capacity(Sender sender, int outstanding, long millis) throws InterruptedException {
        Semaphore slots = new Semaphore(outstanding);
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        // at least the given time, and until a few rounds have completed (a busy machine starts slowly), at most 60 s
        long min = t0 + millis * 1_000_000L;
        long max = t0 + Math.max(millis, 60_000) * 1_000_000L;
        int i = 0;
        while (System.nanoTime() < max && (System.nanoTime() < min || done.get() < 2L * outstanding)) {
            if (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                continue;
            }
            sender.send(i++).whenComplete((o, e) -> {
                if (o == Outcome.COMPLETED) {
                    done.incrementAndGet();
                }
                slots.release();
            });
        }
        long completed = done.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        slots.tryAcquire(outstanding, 30, TimeUnit.SECONDS);
        return completed / seconds;
    }

    public Snapshot snapshot() {
        long[] e = new long[ended.length()];
        long total = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = ended.get(i);
            total += e[i];
        }
        return new Snapshot(sent.get(), e, sent.get() - total, (System.nanoTime() - startNanos) / 1e9, completed.percentileMillis(0.5),
                completed.percentileMillis(0.99), refused.percentileMillis(0.99), late.get());
    }

    /** Stops offering and waits up to this long for what is in flight; what never ends is lost. */
    public Snapshot drain(long millis) throws InterruptedException {
        rate(0);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (snapshot().inFlight() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Snapshot s = snapshot();
        return new Snapshot(s.sent(), s.ended(), s.inFlight(), seconds, s.completedP50(), s.completedP99(), s.refusedP99(), s.lateCompleted());
    }

    /** How a node's reply ended, for senders that call the node directly. */
    public static Outcome of(Reply r) {
        if (r instanceof Reply.Completed) {
            return Outcome.COMPLETED;
        }
        if (r instanceof Reply.Rejected j) {
            return j.shed() ? Outcome.SHED : Outcome.REJECTED;
        }
        return r instanceof Reply.TimedOut ? Outcome.TIMED_OUT : Outcome.FAILED;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
