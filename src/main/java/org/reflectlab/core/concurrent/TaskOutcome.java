package org.reflectlab.core.concurrent;

import java.util.concurrent.CancellationException;

/** Shared by runners: deliver a finished task's outcome through its callbacks, in order. */
public final class TaskOutcome {

    private TaskOutcome() {
    }

    public static <V> void deliver(BackgroundTask<V> task, V value, Throwable error, boolean cancelled) {
        try {
            if (cancelled || error instanceof CancellationException || error instanceof InterruptedException) {
                task.cancelled();
            } else if (error != null) {
                task.failed(error);
            } else {
                task.succeeded(value);
            }
        } finally {
            task.finished();
        }
    }
}
