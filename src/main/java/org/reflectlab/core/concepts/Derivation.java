package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.text.Phrase;

/**
 * The lecture's scaling-law derivation (appendix B.1), checked on a stored sweep. If every extra
 * iteration fixes a constant share p of the prompts still wrong, then 1 - Q(K) = (1 - Q(1)) (1 - p)^(K-1):
 * an exponential approach, Q(K) = Q_inf - A e^{-bK}. A power law Q(K) = Q_inf - A K^{-gamma} instead
 * needs p to fall with K (p_K ~ gamma / K). So: measure p_K between neighbouring K, and fit both
 * forms to the mean scores; the lower AIC (n ln(RSS/n) + 2 * 3 parameters) fits better.
 */
public final class Derivation {

    /** A fitted three-parameter curve. {@code rate} is b for the exponential, gamma for the power law. */
    public record Fit(String form, double qInf, double a, double rate, double rss, double aic) {

        public double at(double k) {
            return qInf - a * (form.equals("exponential") ? Math.exp(-rate * k) : Math.pow(k, -rate));
        }
    }

    /** One method: K values, mean scores, prompts per K, per-iteration fix rates between neighbours, both fits. */
    public record MethodFit(String method, double[] k, double[] q, int[] prompts, double[] fixRate, Fit exponential, Fit power) {

        public Fit better() {
            return exponential.aic() < power.aic() ? exponential : power;
        }

        public double deltaAic() {
            return exponential.aic() - power.aic();
        }
    }

    public record Result(String sweep, List<MethodFit> methods) {

        /** The table's lines: sentences as phrases (the app translates them), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.derivation.title", sweep));
            out.add(new Phrase("concepts.table.derivation.constant"));
            out.add(new Phrase("concepts.table.derivation.falling"));
            for (MethodFit m : methods) {
                out.add(new Phrase("concepts.table.derivation.method", m.method(), m.prompts()[0]));
                out.add(Phrase.literal(String.format(Locale.ROOT, "  %5s %8s %18s", "K", "Q(K)", "p_K (from prev K)")));
                for (int i = 0; i < m.k().length; i++) {
                    out.add(Phrase.literal(String.format(Locale.ROOT, "  %5.0f %8.3f %18s", m.k()[i], m.q()[i],
                            i == 0 ? "-" : Double.isNaN(m.fixRate()[i]) ? "n/a" : String.format(Locale.ROOT, "%.4f", m.fixRate()[i]))));
                }
                for (Fit f : List.of(m.exponential(), m.power())) {
                    out.add(Phrase.literal(String.format(Locale.ROOT, "  %-11s Q_inf %.3f  A %.3f  %s %.4f  RSS %.5f  AIC %.2f%s", f.form(), f.qInf(),
                            f.a(), f.form().equals("exponential") ? "b" : "gamma", f.rate(), f.rss(), f.aic(),
                            f.rate() <= 1.01e-3 || f.rate() >= 4.95 ? "  (rate at the search bound: the form does not really fit)" : "")));
                }
                out.add(new Phrase(Math.abs(m.deltaAic()) < 2 ? "concepts.table.derivation.better-close" : "concepts.table.derivation.better",
                        formName(m.better().form()), Math.abs(m.deltaAic())));
            }
            return out;
        }
    }

    private Derivation() {
    }

    /** A fit's form ("exponential", "power law") as a phrase, so the app names it in the chosen language. */
    public static Phrase formName(String form) {
        return new Phrase(form.equals("exponential") ? "concepts.form.exponential" : "concepts.form.power");
    }

    public static Result analyse(String sweep, List<SweepRow> rows) {
        Map<String, List<SweepRow>> byMethod = rows.stream()
                .collect(Collectors.groupingBy(r -> r.method().id(), TreeMap::new, Collectors.toList()));
        List<MethodFit> out = new ArrayList<>();
        for (Map.Entry<String, List<SweepRow>> e : byMethod.entrySet()) {
            TreeMap<Integer, double[]> perK = new TreeMap<>();
            for (SweepRow r : e.getValue()) {
                double[] acc = perK.computeIfAbsent(r.k(), k -> new double[2]);
                acc[0] += r.score();
                acc[1]++;
            }
            if (perK.size() < 4) {
                continue; // three parameters need at least four K values to say anything
            }
            int n = perK.size();
            double[] k = new double[n];
            double[] q = new double[n];
            int[] prompts = new int[n];
            int i = 0;
            for (Map.Entry<Integer, double[]> p : perK.entrySet()) {
                k[i] = p.getKey();
                q[i] = p.getValue()[0] / p.getValue()[1];
                prompts[i] = (int) p.getValue()[1];
                i++;
            }
            out.add(new MethodFit(e.getKey(), k, q, prompts, fixRates(k, q),
                    fit("exponential", k, q, (kk, b) -> Math.exp(-b * kk), 1e-3, 5),
                    fit("power law", k, q, (kk, g) -> Math.pow(kk, -g), 1e-3, 5)));
        }
        return new Result(sweep, out);
    }

    /** p between neighbours: the constant per-iteration share of wrong prompts fixed that explains the step. */
    static double[] fixRates(double[] k, double[] q) {
        double[] p = new double[k.length];
        p[0] = Double.NaN;
        for (int i = 1; i < k.length; i++) {
            double before = 1 - q[i - 1];
            double after = 1 - q[i];
            p[i] = before <= 0 ? Double.NaN : 1 - Math.pow(Math.max(after, 0) / before, 1 / (k[i] - k[i - 1]));
        }
        return p;
    }

    /** Q = Q_inf - A f(K; r): for each r on a log grid, (Q_inf, A) by linear least squares; the r with least RSS. */
    static Fit fit(String form, double[] k, double[] q, DoubleBinaryOperator basis, double lo, double hi) {
        int n = k.length;
        Fit best = null;
        for (int g = 0; g <= 2000; g++) {
            double r = lo * Math.pow(hi / lo, g / 2000.0);
            double[] f = new double[n];
            double sf = 0;
            double sq = 0;
            double sff = 0;
            double sfq = 0;
            for (int i = 0; i < n; i++) {
                f[i] = basis.applyAsDouble(k[i], r);
                sf += f[i];
                sq += q[i];
                sff += f[i] * f[i];
                sfq += f[i] * q[i];
            }
            double det = n * sff - sf * sf;
            if (Math.abs(det) < 1e-15) {
                continue;
            }
            // q = c0 + c1 f with c0 = Q_inf and c1 = -A
            double c1 = (n * sfq - sf * sq) / det;
            double c0 = (sq - c1 * sf) / n;
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double e = q[i] - (c0 + c1 * f[i]);
                rss += e * e;
            }
            if (best == null || rss < best.rss()) {
                best = new Fit(form, c0, -c1, r, rss, n * Math.log(Math.max(rss, 1e-12) / n) + 2 * 3);
            }
        }
        return best;
    }
}
