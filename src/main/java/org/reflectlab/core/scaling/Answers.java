package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lecture's comprehension questions, answered from a method's fitted curve (not from
 * prose): what doubling compute buys, where the ceiling is, what the exponent is, and when to stop.
 */
public final class Answers {

    public record Answer(String question, String answer) {
    }

    private Answers() {
    }

    public static List<Answer> of(ScalingAnalysis.Curve c, double lambda, double costPerK) {
        List<Answer> out = new ArrayList<>();
        String who = c.method().label();
        if (c.fit() == null) {
            out.add(new Answer("Can " + who + " be fitted?", "Not yet: " + c.fitProblem() + "."));
            return out;
        }
        PowerLawFit.Fit f = c.fit();
        double[] ks = c.ks();
        double kMax = ks[ks.length - 1];
        out.add(new Answer("If compute doubles, how much does quality improve?",
                f("%s: from K=%.0f to K=%.0f the fit gains %+.3f (from K=1 to 2: %+.3f). Each doubling gains 2^-gamma = %.2f times the previous doubling's gain.",
                        who, kMax, 2 * kMax, f.gainFromDoubling(kMax), f.gainFromDoubling(1), Math.pow(2, -f.gamma()))));
        out.add(new Answer("What is the exponent gamma, and how sure are we?",
                f("%s: gamma = %.2f +/- %.2f (one standard error of the Levenberg-Marquardt fit). Values between about 0.3 and 1 mean strongly diminishing returns; larger gamma saturates faster.",
                        who, f.gamma(), f.gammaError())));
        out.add(new Answer("Where is the ceiling?",
                f("%s: Q_inf = %.3f +/- %.3f; at K=100 the curve predicts %.3f (extrapolated beyond the measured K <= %.0f).%s",
                        who, f.qInf(), f.qInfError(), f.at(100), kMax, f.atBound()
                                ? " The fit ended on a bound (a score cannot pass 1, gamma kept >= 0.01): the points show no ceiling yet, so treat it as a guess."
                                : "")));
        double k90 = Math.pow(10, 1 / f.gamma());
        out.add(new Answer("How large must K be to close 90% of the gap from K=1 to the ceiling?",
                k90 > 1e6 ? f("%s: K = 10^(1/gamma) = %.2g: beyond any practical budget at this gamma.", who, k90)
                        : f("%s: K = 10^(1/gamma) = %.0f.", who, k90)));
        double kStar = OptimalStopping.closedForm(f, lambda, costPerK);
        out.add(new Answer("When should we stop?",
                f("%s: with lambda = %.4f per unit and c = %.3g per K, K* = (A gamma / (lambda c))^(1/(gamma+1)) = %.1f%s.",
                        who, lambda, costPerK, kStar, kStar < 1 ? ": below 1, so one sample is already the best trade" : "")));
        return out;
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
