package org.reflectlab.ui.aphasia;

import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;

/** A round trip's progress (in any of the workspace's experiments) into that experiment's bar and the task list. */
final class RoundTripProgress {

    private RoundTripProgress() {
    }

    static RoundTrip.Listener of(TaskContext ctx, Experiment experiment) {
        return new RoundTrip.Listener() {
            @Override
            public void progress(int done, int total) {
                experiment.progress(ctx, done, total, I18n.tr("aphasia.task.progress", done, total));
            }

            @Override
            public void checkCancelled() {
                ctx.checkCancelled();
            }
        };
    }
}
