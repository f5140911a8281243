package org.reflectlab.core.concepts;

import java.util.concurrent.CancellationException;
import org.reflectlab.core.concurrent.TaskContext;

/** What a long concept experiment reports to (a task's progress bar, the CLI) and asks whether to stop. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(double done, double total, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void update(double done, double total, String message);

    boolean cancelled();

    /** Throws {@link CancellationException} when cancelled; call it between units of work. */
    default void check() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    static Progress of(TaskContext c) {
        return new Progress() {
            @Override
            public void update(double done, double total, String message) {
                c.progress(done, total);
                c.message(message);
            }

            @Override
            public boolean cancelled() {
                return c.isCancelled();
            }
        };
    }
}
