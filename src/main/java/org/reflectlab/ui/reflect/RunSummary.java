package org.reflectlab.ui.reflect;

import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectionRun;

/** The status line at the end of a reflection run: why it stopped, the judge's verdict, the compute spent. */
final class RunSummary {

    private RunSummary() {
    }

    static String of(ReflectionRun run) {
        Iteration last = run.last();
        if (last == null) {
            return "No iterations.";
        }
        String how = run.stoppedEarly() ? "the critic said correct at iteration " + last.k()
                : "K=" + run.settings().k() + " iterations spent";
        return String.format("Done: %s; the judge says the final image is %s; %.1f NFE.", how,
                last.judgeCorrect() ? "correct" : "wrong", run.nfe());
    }
}
