package org.reflectlab.ui.aphasia;

import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.ui.kit.Experiment;

/** A round trip's progress (in any of the workspace's experiments) into that experiment's bar and the task list. */
final class RoundTripProgress {

    private RoundTripProgress() {
    }

    static RoundTrip.Listener of(TaskContext ctx, Experiment experiment) {
        return new RoundTrip.Listener() {
            @Override
            public void progress(int done, int total) {
                experiment.progress(ctx, done, total, done + " of " + total + " scenes");
            }

            @Override
            public void checkCancelled() {
                ctx.checkCancelled();
            }
        };
    }
}
