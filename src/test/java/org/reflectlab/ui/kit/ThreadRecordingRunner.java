package org.reflectlab.ui.kit;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskOutcome;
import org.reflectlab.core.concurrent.TaskRunner;

/**
 * A task runner with a real "UI thread" (one named thread, as the FX thread is one) and background
 * work on other threads, so a test can record which thread did what: model work must never run
 * on the UI thread, and observable state must change only there.
 */
public final class ThreadRecordingRunner implements TaskRunner {

    public static final String UI_THREAD = "test-ui-thread";

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, UI_THREAD);
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public <V> TaskHandle submit(BackgroundTask<V> task) {
        pending.incrementAndGet();
        background.execute(() -> {
            TaskContext ctx = new TaskContext() {
                @Override
                public void progress(double done, double total) {
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public void onUiThread(Runnable update) {
                    ui.execute(update);
                }
            };
            V value = null;
            Throwable error = null;
            try {
                value = task.work().run(ctx);
            } catch (Exception | Error e) {
                error = e;
            }
            V v = value;
            Throwable e = error;
            ui.execute(() -> {
                try {
                    TaskOutcome.deliver(task, v, e, false);
                } finally {
                    pending.decrementAndGet();
                }
            });
        });
        return TaskHandle.DONE;
    }

    /** Runs a command (a user's click) on the UI thread and waits for it. */
    public void onUi(Runnable command) throws Exception {
        ui.submit(command).get(30, TimeUnit.SECONDS);
    }

    /** Waits until every submitted task has finished and its UI updates have run. */
    public void awaitIdle(long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (pending.get() > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("tasks still running after " + seconds + " s");
            }
            Thread.sleep(10);
        }
        onUi(() -> { });
    }

    @Override
    public Executor uiExecutor() {
        return ui::execute;
    }

    @Override
    public void shutdown() {
        ui.shutdownNow();
        background.shutdownNow();
    }
}
