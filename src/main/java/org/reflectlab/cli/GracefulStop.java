package org.reflectlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C or SIGTERM during a long command. The JVM runs its shutdown hooks and then exits at once,
 * so a hook that only set a flag lost the run. This hook asks the work to stop, then waits (up to
 * a bound) until the command says it is done, i.e. has finished its step, saved and printed how
 * to resume. Close it when the work is over, whichever way it ended.
 */
final class GracefulStop implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    GracefulStop(Runnable stop, long waitSeconds, PrintWriter err) {
        hook = new Thread(() -> {
            requested = true;
            err.println("# stopping after the current step (waiting up to " + waitSeconds + " s to save)...");
            stop.run();
            try {
                if (!done.await(waitSeconds, TimeUnit.SECONDS)) {
                    err.println("warning: the step did not finish within " + waitSeconds + " s; exiting without saving");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reflectlab-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once Ctrl+C or SIGTERM arrived. */
    boolean requested() {
        return requested;
    }

    /** The work is over (saved or not): the JVM may exit now. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it sees the latch and returns
        }
    }
}
