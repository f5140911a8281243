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
                f("%s: gamma = %s (one standard error of the Levenberg-Marquardt fit). Values between about 0.3 and 1 mean strongly diminishing returns; larger gamma saturates faster.",
                        who, pm(f.gamma(), f.gammaError(), "%.2f"))));
        out.add(new Answer("Where is the ceiling?",
                f("%s: Q_inf = %s; at K=100 the curve predicts %.3f (extrapolated beyond the measured K <= %.0f).%s",
                        who, pm(f.qInf(), f.qInfError(), "%.3f"), f.at(100), kMax, f.atBound()
                                ? " The fit ended on a bound (a score cannot pass 1, gamma kept >= 0.01): the points show no ceiling yet, so treat it as a guess."
                                : "")));
        double k90 = Math.pow(10, 1 / f.gamma());
        String k90Text;
        if (f.atBound()) {
            k90Text = f("%s: not answerable from this fit: it ended on a bound, so its gamma (%.2f) only says the points are still rising.",
                    who, f.gamma());
        } else if (k90 > 100 * kMax) {
            k90Text = f("%s: K = 10^(1/gamma) = %s, over a hundred times the largest K measured (%.0f): far beyond any budget, and "
                    + "so far outside the data that the number itself means little.", who, k90 > 1e6 ? f("%.1g", k90) : f("%.0f", k90), kMax);
        } else {
            k90Text = f("%s: K = 10^(1/gamma) = %.0f%s.", who, k90, k90 > kMax ? " (beyond the measured K: an extrapolation)" : "");
        }
        out.add(new Answer("How large must K be to close 90% of the gap from K=1 to the ceiling?", k90Text));
        double kStar = OptimalStopping.closedForm(f, lambda, costPerK);
        out.add(new Answer("When should we stop?", Double.isFinite(kStar)
                ? f("%s: with lambda = %.4f per unit and c = %.3g per K, K* = (A gamma / (lambda c))^(1/(gamma+1)) = %s.",
                        who, lambda, costPerK, kStar < 1 ? f("%.2f: below 1, so one sample is already the best trade", kStar) : f("%.1f", kStar))
                : f("%s: no cost is counted (lambda or c is 0), so more K never stops paying.", who)));
        return out;
    }

    /**
     * "0.412 +/- 0.030", or "0.412 (no uncertainty: ...)" when the fit gives none: a learner is
     * never shown NaN.
     */
    public static String pm(double value, double error, String format) {
        if (!Double.isFinite(value)) {
            return "not available";
        }
        String v = f(format, value);
        return Double.isFinite(error) ? v + " +/- " + f(format, error) : v + " (no uncertainty estimate: too few points beyond the 3 parameters)";
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
