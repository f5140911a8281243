package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.reflect.GenEvalLite;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;

class ComparisonTest {

    private static final Caption RED = CaptionParser.parse("a red circle").caption();

    private static Iteration it(int k, boolean criticRight, boolean judgeRight, double change) {
        return new Iteration(k, new RgbImage(4, 4), List.of(), criticRight ? List.of("correct") : List.of("the circle should be red but it is blue"),
                List.of(), List.of(), judgeRight, List.of(), k * 10.0, change, 1);
    }

    private static ReflectionRun run(Iteration... its) {
        return new ReflectionRun(RED, new ReflectSettings(20, 1, 8, 3, true), List.of(its), false, false);
    }

    @Test
    void fixesBreaksAndChangeAfterAWrongVerdict() {
        Comparison.Transitions t = Comparison.transitions(List.of(
                run(it(1, false, false, 0), it(2, false, true, 0.05), it(3, true, false, 0.01)),
                run(it(1, true, true, 0))));
        assertEquals(1, t.fromWrong());
        assertEquals(1, t.fixes());
        assertEquals(1, t.fromRight());
        assertEquals(1, t.breaks());
        assertEquals(2, t.afterWrong());
        assertEquals(0.03, t.meanChangeAfterWrong(), 1e-9);
    }

    @Test
    void verdictsCountEveryIterationWhereCriticAndJudgeDiffer() {
        Comparison.VerdictAgreement v = Comparison.verdicts(List.of(
                run(it(1, false, false, 0), it(2, false, true, 0.05), it(3, true, false, 0.01)),
                run(it(1, true, true, 0))));
        assertEquals(4, v.iterations());
        assertEquals(1, v.falseAccepts());
        assertEquals(1, v.falseRejects());
        assertEquals(0.5, v.disagreeRate(), 1e-12);
    }

    @Test
    void bootstrapResamplesDistinctPromptsWithAllTheirRepeats() {
        List<GenEvalLite.Outcome> outs = new ArrayList<>();
        PromptSet.Prompt a = new PromptSet.Prompt("a", Category.SINGLE_OBJECT, RED);
        PromptSet.Prompt b = new PromptSet.Prompt("b", Category.SINGLE_OBJECT, CaptionParser.parse("a blue square").caption());
        outs.add(new GenEvalLite.Outcome(a, true, 1, 1));
        outs.add(new GenEvalLite.Outcome(b, false, 1, 1));
        outs.add(new GenEvalLite.Outcome(a, true, 1, 1));
        int[][] g = Comparison.groups(outs);
        assertEquals(2, g.length);
        assertArrayEquals(new int[] {0, 2}, g[0]);
        assertArrayEquals(new int[] {1, 0, 2, 0, 2}, Comparison.expand(g, new int[] {1, 0, 0}));
        double[] ci = Comparison.scoreInterval(outs, 1);
        assertTrue(ci[0] <= 2 / 3.0 && ci[1] >= 2 / 3.0);
        double[] d = Comparison.differenceInterval(outs, outs, 1);
        assertEquals(0.0, d[0]);
        assertEquals(0.0, d[1]);
    }

    @Test
    void donorFeedbackIsTheDonorsLastComplaintByThatIteration() {
        ReflectionRun donor = run(it(1, false, false, 0), it(2, true, true, 0));
        assertEquals(List.of("the circle should be red but it is blue"), Comparison.donorFeedback(donor, 1));
        assertEquals(List.of("the circle should be red but it is blue"), Comparison.donorFeedback(donor, 5));
        assertEquals(List.of("there should be a red circle but none exists"), Comparison.donorFeedback(run(it(1, true, true, 0)), 1));
    }
}
