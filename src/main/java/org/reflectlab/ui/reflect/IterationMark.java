package org.reflectlab.ui.reflect;

import java.util.List;
import org.reflectlab.core.reflect.Iteration;

/**
 * What the filmstrip marks on one iteration: whether the judge's verdict flipped from the
 * iteration before (a fix or a break), and whether the critic and the judge disagree about it.
 * Toolkit-free, so the rules are unit-tested without a screen.
 *
 * @param explanation  one sentence on the verdict against the previous iteration (for a tooltip)
 * @param disagreement "" when critic and judge agree, else who accepts the image and who does not
 */
public record IterationMark(Transition transition, String explanation, String disagreement) {

    /** How the judge's verdict moved from iteration k-1 to k. */
    public enum Transition {
        /** The first iteration, or the verdict did not change: no mark. */
        NONE,
        /** Wrong at k-1, correct at k. */
        FIX,
        /** Correct at k-1, wrong at k. */
        BREAK
    }

    public static IterationMark of(List<Iteration> iterations, int index) {
        Iteration it = iterations.get(index);
        Iteration before = index > 0 ? iterations.get(index - 1) : null;
        return new IterationMark(transition(before, it), explain(before, it), disagreement(it));
    }

    static Transition transition(Iteration before, Iteration it) {
        if (before == null || before.judgeCorrect() == it.judgeCorrect()) {
            return Transition.NONE;
        }
        return it.judgeCorrect() ? Transition.FIX : Transition.BREAK;
    }

    static String disagreement(Iteration it) {
        if (it.criticSaysCorrect() == it.judgeCorrect()) {
            return "";
        }
        return it.criticSaysCorrect() ? "the critic accepts this image; the judge does not"
                : "the judge accepts this image; the critic does not";
    }

    private static String explain(Iteration before, Iteration it) {
        if (before == null) {
            return "Iteration " + it.k() + ": the first sample, nothing before it to compare with.";
        }
        String was = "iteration " + before.k();
        String now = "iteration " + it.k();
        return switch (transition(before, it)) {
            case FIX -> "Fix: the judge found " + was + " wrong and finds " + now + " correct.";
            case BREAK -> "Break: the judge found " + was + " correct but finds " + now + " wrong; reflection made it worse.";
            case NONE -> "No change in the judge's verdict from " + was + ": still " + (it.judgeCorrect() ? "correct." : "wrong.");
        };
    }
}
