package org.reflectlab.core.scaling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits Q(K) = Q_inf - A / K^gamma to measured (K, quality) points by Levenberg-Marquardt
 * (Apache Commons Math), with standard errors from the covariance of the fit and the residuals.
 * A score is a share, so the search keeps 0 <= Q_inf <= 1, A >= 0 and gamma in [0.01, 5]:
 * without that, points still rising steadily are "fitted" by gamma -> 0 and a ceiling in the
 * hundreds of thousands. A fit that ends on one of these bounds says so ({@code atBound}).
 */
public final class PowerLawFit {

    /** A fitted curve: parameters, their standard errors, and how well it fits. */
    public record Fit(double qInf, double a, double gamma, double qInfError, double aError, double gammaError,
                      double rSquared, double[] residuals, int iterations, boolean atBound) {

        public double at(double k) {
            return qInf - a / Math.pow(k, gamma);
        }

        /** Quality gained by going from K to 2K. */
        public double gainFromDoubling(double k) {
            return at(2 * k) - at(k);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Q_inf", qInf);
            m.put("A", a);
            m.put("gamma", gamma);
            m.put("Q_inf_stderr", qInfError);
            m.put("A_stderr", aError);
            m.put("gamma_stderr", gammaError);
            m.put("r_squared", rSquared);
            m.put("residuals", residuals);
            m.put("at_bound", atBound);
            return m;
        }
    }

    private PowerLawFit() {
    }

    public static Fit fit(double[] k, double[] q) {
        if (k.length != q.length || k.length < 3) {
            throw new IllegalArgumentException("need at least 3 points to fit 3 parameters");
        }
        for (double v : k) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("K must be positive");
            }
        }
        MultivariateJacobianFunction model = p -> {
            double qInf = p.getEntry(0);
            double a = p.getEntry(1);
            double g = p.getEntry(2);
            RealVector value = new ArrayRealVector(k.length);
            RealMatrix jac = new Array2DRowRealMatrix(k.length, 3);
            for (int i = 0; i < k.length; i++) {
                double pow = Math.pow(k[i], -g);
                value.setEntry(i, qInf - a * pow);
                jac.setEntry(i, 0, 1);
                jac.setEntry(i, 1, -pow);
                jac.setEntry(i, 2, a * pow * Math.log(k[i]));
            }
            return new Pair<>(value, jac);
        };
        double max = q[0];
        double min = q[0];
        for (double v : q) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double[] start = {Math.min(Q_MAX, max + 0.05), Math.max(1e-3, max - min + 0.05), 0.5};
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(model)
                .target(q)
                .start(start)
                .parameterValidator(PowerLawFit::clamp)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build());
        RealVector p = opt.getPoint();
        double[] residuals = opt.getResiduals().toArray();
        double ss = 0;
        double mean = 0;
        for (double v : q) {
            mean += v / q.length;
        }
        double tot = 0;
        for (int i = 0; i < q.length; i++) {
            ss += residuals[i] * residuals[i];
            tot += (q[i] - mean) * (q[i] - mean);
        }
        double[] errors = {Double.NaN, Double.NaN, Double.NaN};
        int dof = q.length - 3;
        if (dof > 0) {
            try {
                RealMatrix cov = opt.getCovariances(1e-12).scalarMultiply(ss / dof);
                for (int i = 0; i < 3; i++) {
                    errors[i] = Math.sqrt(Math.max(0, cov.getEntry(i, i)));
                }
            } catch (RuntimeException singular) {
                // a degenerate fit (e.g. flat data) has no finite uncertainties: leave them NaN
            }
        }
        boolean atBound = p.getEntry(0) >= Q_MAX - 1e-9 || p.getEntry(0) <= 1e-9 || p.getEntry(1) <= 1e-9
                || p.getEntry(2) <= GAMMA_MIN + 1e-9 || p.getEntry(2) >= GAMMA_MAX - 1e-9;
        return new Fit(p.getEntry(0), p.getEntry(1), p.getEntry(2), errors[0], errors[1], errors[2],
                tot == 0 ? Double.NaN : 1 - ss / tot, residuals, opt.getIterations(), atBound);
    }

    static final double Q_MAX = 1.0;
    static final double GAMMA_MIN = 0.01;
    static final double GAMMA_MAX = 5.0;

    private static RealVector clamp(RealVector p) {
        RealVector c = p.copy();
        c.setEntry(0, Math.max(0, Math.min(Q_MAX, p.getEntry(0))));
        c.setEntry(1, Math.max(0, p.getEntry(1)));
        c.setEntry(2, Math.max(GAMMA_MIN, Math.min(GAMMA_MAX, p.getEntry(2))));
        return c;
    }
}
