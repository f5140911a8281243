package org.reflectlab.core.concurrent;

import java.util.concurrent.Executor;

/**
 * Runs {@link BackgroundTask}s off the UI thread. The JavaFX implementation lives in the UI
 * layer (core holds no JavaFX); {@link SynchronousTaskRunner} runs work in place, for tests.
 */
public interface TaskRunner {

    <V> TaskHandle submit(BackgroundTask<V> task);

    /** Executes on the UI thread (the FX application thread, or in place for tests). */
    Executor uiExecutor();

    /** Stops accepting work and cancels what runs. */
    void shutdown();
}
