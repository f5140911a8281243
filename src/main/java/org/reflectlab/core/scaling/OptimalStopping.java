package org.reflectlab.core.scaling;

/**
 * When more iterations stop paying: Value(K) = Q(K) - lambda * c * K for a cost weight lambda and
 * a cost c per iteration. With Q(K) = Q_inf - A / K^gamma the optimum is
 * K* = (A * gamma / (lambda * c))^(1 / (gamma + 1)).
 */
public final class OptimalStopping {

    private OptimalStopping() {
    }

    public static double closedForm(PowerLawFit.Fit fit, double lambda, double cost) {
        if (!(lambda > 0) || !(cost > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.pow(fit.a() * fit.gamma() / (lambda * cost), 1 / (fit.gamma() + 1));
    }

    public static double value(PowerLawFit.Fit fit, double k, double lambda, double cost) {
        return fit.at(k) - lambda * cost * k;
    }

    /** The K in [1, maxK] with the highest value on the fitted curve, by scanning. */
    public static double numericArgmax(PowerLawFit.Fit fit, double lambda, double cost, double maxK, double step) {
        double best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double k = 1; k <= maxK + 1e-9; k += step) {
            double v = value(fit, k, lambda, cost);
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        return best;
    }

    /** Index of the measured point with the highest value q[i] - lambda * cost * k[i]. */
    public static int measuredArgmax(double[] k, double[] q, double lambda, double cost) {
        int best = 0;
        for (int i = 1; i < k.length; i++) {
            if (q[i] - lambda * cost * k[i] > q[best] - lambda * cost * k[best]) {
                best = i;
            }
        }
        return best;
    }
}
