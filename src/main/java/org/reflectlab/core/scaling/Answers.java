package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.text.Phrase;

/**
 * The lecture's comprehension questions, answered from a method's fitted curve (not from
 * prose): what doubling compute buys, where the ceiling is, what the exponent is, and when to stop.
 * Questions and answers are phrases: the app says them in the chosen language, the CLI in English.
 */
public final class Answers {

    public record Answer(Phrase question, Phrase answer) {
    }

    private Answers() {
    }

    public static List<Answer> of(ScalingAnalysis.Curve c, double lambda, double costPerK) {
        List<Answer> out = new ArrayList<>();
        Method who = c.method();
        if (c.fit() == null) {
            out.add(new Answer(new Phrase("scaling.answer.q.unfitted", who), new Phrase("scaling.answer.unfitted", c.fitProblem())));
            return out;
        }
        PowerLawFit.Fit f = c.fit();
        double[] ks = c.ks();
        double kMax = ks[ks.length - 1];
        out.add(new Answer(new Phrase("scaling.answer.q.doubling"), new Phrase("scaling.answer.doubling",
                who, kMax, 2 * kMax, f.gainFromDoubling(kMax), f.gainFromDoubling(1), Math.pow(2, -f.gamma()))));
        out.add(new Answer(new Phrase("scaling.answer.q.gamma"), new Phrase("scaling.answer.gamma", who, pm(f.gamma(), f.gammaError(), 2))));
        out.add(new Answer(new Phrase("scaling.answer.q.ceiling"), new Phrase("scaling.answer.ceiling",
                who, pm(f.qInf(), f.qInfError(), 3), f.at(100), kMax,
                // a fit on a bound: the points show no ceiling yet
                f.atBound() ? new Phrase("scaling.answer.ceiling.at-bound") : Phrase.none())));
        double k90 = Math.pow(10, 1 / f.gamma());
        Phrase k90Text;
        if (f.atBound()) {
            k90Text = new Phrase("scaling.answer.k90.at-bound", who, f.gamma());
        } else if (k90 > 100 * kMax) {
            k90Text = new Phrase(k90 > 1e6 ? "scaling.answer.k90.far-huge" : "scaling.answer.k90.far", who, k90, kMax);
        } else {
            k90Text = new Phrase(k90 > kMax ? "scaling.answer.k90.beyond" : "scaling.answer.k90", who, k90);
        }
        out.add(new Answer(new Phrase("scaling.answer.q.k90"), k90Text));
        double kStar = OptimalStopping.closedForm(f, lambda, costPerK);
        out.add(new Answer(new Phrase("scaling.answer.q.stop"), Double.isFinite(kStar)
                ? new Phrase("scaling.answer.stop", who, lambda, costPerK, kStar < 1
                        ? new Phrase("scaling.answer.stop.below-one", kStar) : new Phrase("scaling.answer.stop.k-star", kStar))
                : new Phrase("scaling.answer.no-cost", who)));
        return out;
    }

    /**
     * "0.412 +/- 0.030" ({@code decimals} 2 or 3), or "0.412 (no uncertainty: ...)" when the fit gives none: a learner is
     * never shown NaN.
     */
    public static Phrase pm(double value, double error, int decimals) {
        if (!Double.isFinite(value)) {
            return new Phrase("scaling.pm.not-available");
        }
        boolean three = decimals >= 3;
        return Double.isFinite(error) ? new Phrase(three ? "scaling.pm.3" : "scaling.pm.2", value, error)
                : new Phrase(three ? "scaling.pm.3.no-error" : "scaling.pm.2.no-error", value);
    }
}
