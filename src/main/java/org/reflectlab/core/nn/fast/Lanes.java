package org.reflectlab.core.nn.fast;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads the fast path splits its own work over (Adam, the large element-wise kernels, attention's
 * segments): the calling thread plus {@code count - 1} daemon workers, as many lanes as compute threads
 * ({@code Backend.setThreads}). OpenBLAS already uses every compute thread inside a GEMM; without this the
 * rest of a step ran on one thread and capped two threads at 1.30x one (measured, 2-core EPYC).
 *
 * <p>Only one split runs at a time: a call made while another is in progress (from inside a lane, or from a
 * second model on another thread) runs serially on its caller, so results never depend on who got the workers.
 * Each chunk of a split is a contiguous range: work whose result depends on the order of a sum must split
 * where sums do not cross (rows of a row-wise kernel, columns of column sums, whole parameter arrays), and
 * then the result does not depend on which lane ran what.
 */
public final class Lanes {

    /** Work over [from, to) on lane {@code lane} (0 is the caller). */
    @FunctionalInterface
    public interface Range {
        void run(int lane, int from, int to);
    }

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Worker[] workers = new Worker[0];

    private Lanes() {
    }

    /** How many lanes a split uses from now on (1 = everything on the caller). Workers start on first need. */
    public static synchronized void set(int lanes) {
        int want = Math.max(0, lanes - 1);
        Worker[] old = workers;
        if (old.length == want) {
            return;
        }
        Worker[] next = new Worker[want];
        for (int i = 0; i < want; i++) {
            next[i] = i < old.length ? old[i] : Worker.start(i + 1);
        }
        for (int i = want; i < old.length; i++) {
            old[i].stop();
        }
        workers = next;
    }

    /**
     * The thread count OpenBLAS should get when the compute threads are {@code threads}: 1 where the fast path
     * splits its products over the lanes itself ({@code -Dreflectlab.gemm}, see {@link Blas}), else all of them.
     */
    public static int openblasThreads(int threads) {
        return Blas.openblasThreads(threads);
    }

    /** The products' thread split in use, for benchmarks to print: "lanes", "openblas" or "single". */
    public static String gemmThreads() {
        return Blas.THREADS.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static int count() {
        return workers.length + 1;
    }

    /**
     * Runs {@code body} over [0, n) cut into contiguous chunks (multiples of {@code align}, at least {@code grain}
     * long), and returns when all are done. The lanes claim chunks as they come: a worker the OS has not
     * scheduled yet (a loaded machine) leaves its chunks to the caller instead of holding the step up. Serial
     * when there is one lane, when n is under {@code 2 * grain} or when another split is running.
     */
    public static void split(int n, int grain, int align, Range body) {
        Worker[] w = workers;
        int lanes = w.length + 1;
        int chunks = Math.min(CHUNKS_PER_LANE * lanes, n / Math.max(1, grain));
        if (lanes < 2 || chunks < 2 || !BUSY.compareAndSet(false, true)) {
            body.run(0, 0, n);
            return;
        }
        try {
            int[] bounds = new int[chunks + 1];
            for (int i = 1; i < chunks; i++) {
                int at = (int) ((long) n * i / chunks);
                bounds[i] = Math.min(n, (at + align / 2) / align * align);
            }
            bounds[chunks] = n;
            Job job = new Job(body, bounds);
            for (Worker worker : w) {
                worker.post(job);
            }
            job.work(0);
            job.awaitAll();
        } finally {
            BUSY.set(false);
        }
    }

    /** Chunks per lane: enough for the lanes to even out, few enough that claiming one costs nothing. */
    private static final int CHUNKS_PER_LANE = 3;

    /** One split: its chunks, the next one to claim and how many are finished. Late workers find it exhausted. */
    private static final class Job {
        private final Range body;
        private final int[] bounds;
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        private volatile Throwable failure;

        Job(Range body, int[] bounds) {
            this.body = body;
            this.bounds = bounds;
        }

        void work(int lane) {
            int chunks = bounds.length - 1;
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    if (failure == null) {
                        body.run(lane, bounds[c], bounds[c + 1]);
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /** Waits for chunks other lanes claimed and are still running, then rethrows the first failure. */
        void awaitAll() {
            int chunks = bounds.length - 1;
            int spins = 0;
            while (finished.get() < chunks) {
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error er) {
                throw er;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Runs {@code body} on lane i for i in [0, parts): a split of whole items (attention segments, parameter arrays). */
    public static void split(int parts, Range body) {
        split(parts, 1, 1, body);
    }

    /**
     * One worker thread. It spins a little after each job before parking: a step posts hundreds of jobs a few
     * microseconds apart, and waking a parked thread costs tens of microseconds.
     */
    private static final class Worker implements Runnable {
        private static final long SPIN_NANOS = 50_000;
        private final int lane;
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicReference<Job> job = new java.util.concurrent.atomic.AtomicReference<>();
        private volatile boolean running = true;

        private Worker(int lane) {
            this.lane = lane;
            this.thread = new Thread(this, "fast-path lane " + lane);
            thread.setDaemon(true);
        }

        static Worker start(int lane) {
            Worker w = new Worker(lane);
            w.thread.start();
            return w;
        }

        void post(Job j) {
            job.set(j);
            LockSupport.unpark(thread);
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (running) {
                Job j = job.getAndSet(null);
                if (j == null) {
                    long until = System.nanoTime() + SPIN_NANOS;
                    while ((j = job.getAndSet(null)) == null && running && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    if (j == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                j.work(lane);
            }
        }
    }
}
