package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Category;

class ScalingAnalysisTest {

    /** Rows whose share correct at each K follows a known curve exactly (per category). */
    private static List<SweepRow> rowsFollowing(double qInf, double a, double gamma, int perCategory, int... ks) {
        List<SweepRow> rows = new ArrayList<>();
        for (int k : ks) {
            double q = qInf - a / Math.pow(k, gamma);
            int correct = (int) Math.round(q * perCategory);
            for (Category c : Category.GENEVAL) {
                for (int i = 0; i < perCategory; i++) {
                    rows.add(new SweepRow(c + "-" + i, c, "p", Method.BEST_OF_N, k, 1, 10.0 * k, i < correct ? 1 : 0,
                            false, k, 100L * k));
                }
            }
        }
        return rows;
    }

    @Test
    void recoversAKnownPowerLaw() {
        ScalingAnalysis an = ScalingAnalysis.of(rowsFollowing(0.9, 0.4, 0.7, 400, 1, 2, 4, 8, 12, 16, 20), 1);
        ScalingAnalysis.Curve c = an.curve(Method.BEST_OF_N);
        assertNotNull(c.fit(), String.valueOf(c.fitProblem()));
        assertEquals(0.7, c.fit().gamma(), 0.05);
        assertEquals(0.9, c.fit().qInf(), 0.02);
        assertEquals(10.0, c.nfePerK(), 1e-9);
        ScalingAnalysis.Point p1 = c.points().get(0);
        assertEquals(0.5, p1.quality(), 0.01);
        assertTrue(p1.low() < p1.quality() && p1.quality() < p1.high(), p1.low() + " " + p1.high());
        assertEquals(6, p1.perCategory().size());
    }

    @Test
    void qualityIsTheMeanOfCategoryScoresNotOfImages() {
        List<SweepRow> rows = new ArrayList<>();
        // colors: 1 of 1 correct; position: 0 of 3 -> GenEval overall 0.5, not 0.25
        rows.add(new SweepRow("a", Category.COLORS, "p", Method.REFLECT, 1, 1, 1, 1, true, 1, 1));
        for (int i = 0; i < 3; i++) {
            rows.add(new SweepRow("b" + i, Category.POSITION, "p", Method.REFLECT, 1, 1, 1, 0, true, 1, 1));
        }
        assertEquals(0.5, ScalingAnalysis.of(rows, 1).curve(Method.REFLECT).points().get(0).quality(), 1e-12);
    }

    @Test
    void threeKValuesAreNotFitted() {
        // three points fix three parameters exactly: no residual left to judge the fit by
        ScalingAnalysis an = ScalingAnalysis.of(rowsFollowing(0.9, 0.4, 0.7, 10, 1, 2, 4), 1);
        assertNull(an.curve(Method.BEST_OF_N).fit());
        assertTrue(Answers.of(an.curve(Method.BEST_OF_N), 0.01, 1).get(0).answer().english().contains("at least 4"));
        assertNotNull(ScalingAnalysis.of(rowsFollowing(0.9, 0.4, 0.7, 10, 1, 2, 4, 8), 1).curve(Method.BEST_OF_N).fit());
    }

    @Test
    void answersComeFromTheFit() {
        ScalingAnalysis.Curve c = ScalingAnalysis.of(rowsFollowing(0.9, 0.4, 0.7, 400, 1, 2, 4, 8, 16), 1).curve(Method.BEST_OF_N);
        List<Answers.Answer> answers = Answers.of(c, 0.01, 1);
        assertEquals(5, answers.size());
        assertTrue(answers.get(1).answer().english().contains("gamma = 0.7"), answers.get(1).answer().english());
    }

    @Test
    void intervalsDoNotDependOnTheOrderRowsWereStored() {
        List<SweepRow> rows = rowsFollowing(0.9, 0.4, 0.7, 60, 1, 2, 4, 8);
        List<SweepRow> shuffled = new java.util.ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(5));
        var a = ScalingAnalysis.of(rows, 1).curve(Method.BEST_OF_N).points();
        var b = ScalingAnalysis.of(shuffled, 1).curve(Method.BEST_OF_N).points();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).low(), b.get(i).low(), 0.0, "low at K=" + a.get(i).k());
            assertEquals(a.get(i).high(), b.get(i).high(), 0.0, "high at K=" + a.get(i).k());
        }
    }
}
