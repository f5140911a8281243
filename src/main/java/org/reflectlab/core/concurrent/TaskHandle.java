package org.reflectlab.core.concurrent;

/** A submitted task, for cancelling it. */
public interface TaskHandle {

    /** Asks the work to stop at its next checkpoint; its onCancelled runs once it has stopped. */
    void cancel();

    boolean isDone();

    /** A handle for work that already finished (e.g. under the synchronous runner). */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
