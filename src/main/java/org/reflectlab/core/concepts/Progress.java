package org.reflectlab.core.concepts;

import java.util.concurrent.CancellationException;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.text.Phrase;

/** What a long concept experiment reports to (a task's progress bar, the CLI) and asks whether to stop. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(double done, double total, Phrase message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Where the experiment stands; the message is a phrase, for the app to say in the chosen language. */
    void update(double done, double total, Phrase message);

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
            public void update(double done, double total, Phrase message) {
                c.progress(done, total);
                c.message(message.english());
            }

            @Override
            public boolean cancelled() {
                return c.isCancelled();
            }
        };
    }
}
