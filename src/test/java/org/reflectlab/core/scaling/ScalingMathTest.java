package org.reflectlab.core.scaling;

import org.reflectlab.core.stats.Bootstrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalingMathTest {

    @Test
    void levenbergMarquardtRecoversKnownParametersFromNoisyPoints() {
        double qInf = 0.82;
        double a = 0.35;
        double gamma = 0.7;
        double[] k = {1, 2, 3, 4, 6, 8, 12, 16, 20};
        double[] q = new double[k.length];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < k.length; i++) {
            q[i] = qInf - a / Math.pow(k[i], gamma) + (r.nextDouble() - 0.5) * 0.006;
        }
        PowerLawFit.Fit fit = PowerLawFit.fit(k, q);
        assertEquals(qInf, fit.qInf(), 0.03);
        assertEquals(a, fit.a(), 0.03);
        assertEquals(gamma, fit.gamma(), 0.15);
        assertTrue(fit.rSquared() > 0.99, "R^2 " + fit.rSquared());
        assertTrue(fit.gammaError() > 0 && fit.gammaError() < 0.3, "stderr " + fit.gammaError());
        assertEquals(k.length, fit.residuals().length);
    }

    @Test
    void closedFormOptimumMatchesANumericArgmax() {
        PowerLawFit.Fit fit = new PowerLawFit.Fit(0.8, 0.4, 0.6, 0, 0, 0, 1, new double[0], 0, false);
        for (double lambda : new double[] {0.0005, 0.002, 0.01}) {
            double closed = OptimalStopping.closedForm(fit, lambda, 1.0);
            double numeric = OptimalStopping.numericArgmax(fit, lambda, 1.0, 500, 0.01);
            assertEquals(closed, numeric, 0.02 * closed + 0.02, "lambda " + lambda);
        }
        assertEquals(Double.POSITIVE_INFINITY, OptimalStopping.closedForm(fit, 0, 1));
    }

    @Test
    void measuredArgmaxPicksTheBestTradeOff() {
        double[] k = {1, 2, 4, 8};
        double[] q = {0.5, 0.6, 0.65, 0.66};
        assertEquals(2, OptimalStopping.measuredArgmax(k, q, 0.01, 1));
        assertEquals(3, OptimalStopping.measuredArgmax(k, q, 0.0, 1));
    }

    @Test
    void bootstrapIntervalCoversTheMean() {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 4 == 0 ? 1 : 0;
        }
        double[] ci = Bootstrap.meanInterval(v, 2000, 1);
        assertTrue(ci[0] < 0.25 && ci[1] > 0.25 && ci[1] - ci[0] < 0.15, ci[0] + " " + ci[1]);
    }

    @Test
    void pointsStillRisingAreFittedWithinTheBoundsAndSaySo() {
        // log-like growth with no sign of a ceiling: unbounded LM would run off to gamma -> 0, Q_inf -> 1e5
        double[] k = {1, 2, 4, 8};
        double[] q = {0.267, 0.300, 0.367, 0.467};
        PowerLawFit.Fit fit = PowerLawFit.fit(k, q);
        org.junit.jupiter.api.Assertions.assertTrue(fit.qInf() <= 1.0 && fit.gamma() >= 0.01 && fit.a() >= 0, fit.toString());
        org.junit.jupiter.api.Assertions.assertTrue(fit.atBound(), "a ceiling of 1 or a tiny gamma is a bound");
        for (int i = 0; i < k.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(q[i], fit.at(k[i]), 0.03);
        }
    }
}
