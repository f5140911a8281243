package org.reflectlab.core.concurrent;

import java.util.concurrent.CancellationException;

/** What running work sees: progress reporting, cancellation, and a way back to the UI thread. */
public interface TaskContext {

    /** Progress as done out of total (total <= 0 means indeterminate). Coalesced by the runner. */
    void progress(double done, double total);

    /** A short status line ("step 120 of 500"). Coalesced by the runner. */
    void message(String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} if cancel was requested; call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Runs {@code update} on the UI thread, in order with other updates of this task. */
    void onUiThread(Runnable update);
}
