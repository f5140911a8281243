package org.reflectlab.ui.reflect;

import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.ui.kit.I18n;

/** The status line at the end of a reflection run: why it stopped, the judge's verdict, the compute spent. */
final class RunSummary {

    private RunSummary() {
    }

    /** A message, not a sentence: the status line follows a language switch. */
    static I18n.Message of(ReflectionRun run) {
        Iteration last = run.last();
        if (last == null) {
            return new I18n.Message("reflect.summary.none");
        }
        return new I18n.Message(run.stoppedEarly() ? "reflect.summary.early" : "reflect.summary.spent",
                run.stoppedEarly() ? last.k() : run.settings().k(), new I18n.Message(last.judgeCorrect() ? "reflect.judge.correct"
                        : "reflect.judge.wrong"), run.nfe());
    }
}
