package org.reflectlab.ui.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.reflect.Iteration;

/**
 * What the filmstrip marks on one iteration: whether the judge's verdict flipped from the
 * iteration before (a fix or a break), and whether the critic and the judge disagree about it.
 * Toolkit-free, so the rules are unit-tested without a screen.
 *
 * @param explanation  one sentence on the verdict against the previous iteration (for a tooltip)
 * @param disagreement "" when critic and judge agree, else who accepts the image and who does not
 * @param readings     "" when they agree, else what each one sees that the other does not
 *                     ("the critic sees a small green circle at top left; the judge sees none")
 */
public record IterationMark(Transition transition, String explanation, String disagreement, String readings) {

    /**
     * Why two detectors can read one image differently: the README's explanation, kept next to what
     * it explains.
     */
    public static final String WHY_THEY_DISAGREE = "Why they can disagree: the critic and the judge are two separately trained "
            + "networks (different architectures, seeds and scenes) reading the same 32x32 image after the unified decoder has "
            + "softened it. Sizes near the small/large border are ambiguous and the smallest shapes lose their corners, so each "
            + "can read a different scene. On generated images they agree with an exact pixel reader only about 76% (critic) and "
            + "81% (judge) of the time (reflectlab audit). The judge only scores; what the generator reads next is the critic's "
            + "feedback.";

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
        return new IterationMark(transition(before, it), explain(before, it), disagreement(it),
                disagreement(it).isEmpty() ? "" : readings(it.criticReading(), it.judgeReading()));
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

    /** What each reader sees that the other does not, object by object (size, colour, shape and cell). */
    static String readings(List<SceneObject> critic, List<SceneObject> judge) {
        List<SceneObject> onlyCritic = missingFrom(critic, judge);
        List<SceneObject> onlyJudge = missingFrom(judge, critic);
        if (onlyCritic.isEmpty() && onlyJudge.isEmpty()) {
            return "both read the same objects (" + list(critic) + ") but check them against the prompt differently";
        }
        String c = onlyCritic.isEmpty() ? "the critic sees none of them" : "the critic sees " + list(onlyCritic);
        String j = onlyJudge.isEmpty() ? "the judge sees none" + (onlyCritic.size() == 1 ? "" : " of them")
                : "the judge sees " + list(onlyJudge) + (onlyCritic.isEmpty() ? "" : " instead");
        return onlyCritic.isEmpty() ? j.replace(" instead", "") + "; " + c : c + "; " + j;
    }

    private static List<SceneObject> missingFrom(List<SceneObject> from, List<SceneObject> other) {
        List<SceneObject> left = new ArrayList<>(other);
        List<SceneObject> out = new ArrayList<>();
        for (SceneObject o : from) {
            SceneObject twin = left.stream().filter(x -> same(x, o)).findFirst().orElse(null);
            if (twin == null) {
                out.add(o);
            } else {
                left.remove(twin);
            }
        }
        return out;
    }

    private static boolean same(SceneObject a, SceneObject b) {
        return a.shape() == b.shape() && a.color() == b.color() && a.size() == b.size() && a.cell().equals(b.cell());
    }

    private static String list(List<SceneObject> objects) {
        return objects.isEmpty() ? "nothing" : objects.stream().map(o -> "a " + o.describe()).collect(Collectors.joining(", "));
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
