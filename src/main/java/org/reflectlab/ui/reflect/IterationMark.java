package org.reflectlab.ui.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.I18n;

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
    public static String whyTheyDisagree() {
        return I18n.tr("reflect.why-disagree");
    }

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
        return I18n.tr(it.criticSaysCorrect() ? "reflect.disagree.critic" : "reflect.disagree.judge");
    }

    /** What each reader sees that the other does not, object by object (size, colour, shape and cell). */
    static String readings(List<SceneObject> critic, List<SceneObject> judge) {
        List<SceneObject> onlyCritic = missingFrom(critic, judge);
        List<SceneObject> onlyJudge = missingFrom(judge, critic);
        if (onlyCritic.isEmpty() && onlyJudge.isEmpty()) {
            return I18n.tr("reflect.readings.same", list(critic));
        }
        // the objects are the readers' own English words; each half is one whole clause of the current language
        String c = onlyCritic.isEmpty() ? I18n.tr("reflect.readings.critic.none") : I18n.tr("reflect.readings.critic", list(onlyCritic));
        String j = onlyJudge.isEmpty() ? I18n.tr(onlyCritic.size() == 1 ? "reflect.readings.judge.none" : "reflect.readings.judge.none-of-them")
                : I18n.tr(onlyCritic.isEmpty() ? "reflect.readings.judge" : "reflect.readings.judge.instead", list(onlyJudge));
        return onlyCritic.isEmpty() ? I18n.tr("reflect.readings.pair", j, c) : I18n.tr("reflect.readings.pair", c, j);
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
        return objects.isEmpty() ? I18n.tr("reflect.critic.sees.nothing") : org.reflectlab.ui.kit.ModelWords.objects(objects, true).render(I18n.locale());
    }

    private static String explain(Iteration before, Iteration it) {
        if (before == null) {
            return I18n.tr("reflect.mark.first", it.k());
        }
        return switch (transition(before, it)) {
            case FIX -> I18n.tr("reflect.mark.fix", before.k(), it.k());
            case BREAK -> I18n.tr("reflect.mark.break", before.k(), it.k());
            case NONE -> I18n.tr(it.judgeCorrect() ? "reflect.mark.same.correct" : "reflect.mark.same.wrong", before.k());
        };
    }
}
