package org.reflectlab.core.scaling;

import org.reflectlab.core.stats.Bootstrap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.text.Phrase;

/**
 * What a sweep's rows say: per method and K the GenEval-lite score (the unweighted mean of the
 * category scores, as GenEval reports) with a bootstrap 95% interval over prompts, per-category
 * scores, mean compute and time; and the power-law fit of score against K per method.
 */
public final class ScalingAnalysis {

    static final int RESAMPLES = 1000;

    /**
     * K values a power-law fit needs: three parameters, plus at least one point to check them
     * against. With three, the curve passes through every point, its residuals are zero and its
     * uncertainties undefined, so nothing about the fit (nor an extrapolation) can be trusted.
     */
    public static final int MIN_FIT_POINTS = 4;

    /** One measured point. */
    public record Point(Method method, int k, int prompts, double quality, double low, double high, double nfe,
                        double secondsPerAnswer, Map<Category, Double> perCategory) {
    }

    /** A method's points and, with {@link #MIN_FIT_POINTS} or more K values, its fitted curve (else null and why). */
    public record Curve(Method method, List<Point> points, PowerLawFit.Fit fit, Phrase fitProblem) {

        public double[] ks() {
            return points.stream().mapToDouble(Point::k).toArray();
        }

        public double[] qualities() {
            return points.stream().mapToDouble(Point::quality).toArray();
        }

        /** Compute per unit of K, from the measured points (NFE per K). */
        public double nfePerK() {
            return points.stream().mapToDouble(p -> p.nfe() / p.k()).average().orElse(Double.NaN);
        }

        public double secondsPerK() {
            return points.stream().mapToDouble(p -> p.secondsPerAnswer() / p.k()).average().orElse(Double.NaN);
        }
    }

    private final Map<Method, Curve> curves;

    private ScalingAnalysis(Map<Method, Curve> curves) {
        this.curves = curves;
    }

    public static ScalingAnalysis of(List<SweepRow> rows, long bootstrapSeed) {
        Map<Method, TreeMap<Integer, List<SweepRow>>> grouped = new EnumMap<>(Method.class);
        for (SweepRow r : rows) {
            grouped.computeIfAbsent(r.method(), m -> new TreeMap<>()).computeIfAbsent(r.k(), k -> new ArrayList<>()).add(r);
        }
        Map<Method, Curve> curves = new LinkedHashMap<>();
        grouped.forEach((m, byK) -> {
            List<Point> points = new ArrayList<>();
            byK.forEach((k, list) -> points.add(point(m, k, list, bootstrapSeed)));
            PowerLawFit.Fit fit = null;
            Phrase problem = null;
            if (points.size() < MIN_FIT_POINTS) {
                problem = new Phrase("scaling.fit.too-few", MIN_FIT_POINTS, points.size());
            } else {
                try {
                    fit = PowerLawFit.fit(points.stream().mapToDouble(Point::k).toArray(),
                            points.stream().mapToDouble(Point::quality).toArray());
                } catch (RuntimeException e) {
                    problem = new Phrase("scaling.fit.no-converge", String.valueOf(e.getMessage()));
                }
            }
            curves.put(m, new Curve(m, List.copyOf(points), fit, problem));
        });
        return new ScalingAnalysis(curves);
    }

    /** Prompt number, then category: the order prompts are swept in. */
    static final java.util.Comparator<SweepRow> CANONICAL = java.util.Comparator
            .comparingInt((SweepRow r) -> promptNumber(r.promptId())).thenComparing(SweepRow::category)
            .thenComparing(SweepRow::promptId);

    private static int promptNumber(String id) {
        try {
            return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static Point point(Method m, int k, List<SweepRow> stored, long seed) {
        // Resampling draws row indices: put rows in one canonical order (the order a one-worker sweep stores
        // them), or workers finishing in another order would give the same rows other intervals.
        List<SweepRow> rows = stored.stream().sorted(CANONICAL).toList();
        double[] interval = Bootstrap.interval(rows.size(), idx -> quality(rows, idx), RESAMPLES, seed + 31L * k + m.ordinal());
        int[] all = new int[rows.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Map<Category, double[]> cat = new EnumMap<>(Category.class);
        for (SweepRow r : rows) {
            double[] c = cat.computeIfAbsent(r.category(), x -> new double[2]);
            c[0] += r.score();
            c[1]++;
        }
        Map<Category, Double> perCategory = new LinkedHashMap<>();
        cat.forEach((c, v) -> perCategory.put(c, v[0] / v[1]));
        return new Point(m, k, rows.size(), quality(rows, all), interval[0], interval[1],
                rows.stream().mapToDouble(SweepRow::nfe).average().orElse(Double.NaN),
                rows.stream().mapToLong(SweepRow::wallMillis).average().orElse(Double.NaN) / 1000.0, perCategory);
    }

    /** GenEval's overall: the mean over categories of each category's share judged correct. */
    static double quality(List<SweepRow> rows, int[] idx) {
        Map<Category, double[]> cat = new EnumMap<>(Category.class);
        for (int i : idx) {
            SweepRow r = rows.get(i);
            double[] c = cat.computeIfAbsent(r.category(), x -> new double[2]);
            c[0] += r.score();
            c[1]++;
        }
        return cat.values().stream().mapToDouble(v -> v[0] / v[1]).average().orElse(Double.NaN);
    }

    public Map<Method, Curve> curves() {
        return curves;
    }

    public Curve curve(Method m) {
        return curves.get(m);
    }

    /** Fits and points as plain maps, for the JSON export. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        curves.forEach((m, c) -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            List<Map<String, Object>> pts = new ArrayList<>();
            for (Point p : c.points()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("k", p.k());
                pm.put("prompts", p.prompts());
                pm.put("quality", p.quality());
                pm.put("ci95", List.of(p.low(), p.high()));
                pm.put("nfe", p.nfe());
                pm.put("seconds", p.secondsPerAnswer());
                Map<String, Double> pc = new LinkedHashMap<>();
                p.perCategory().forEach((cat, v) -> pc.put(cat.name().toLowerCase(java.util.Locale.ROOT), v));
                pm.put("perCategory", pc);
                pts.add(pm);
            }
            mm.put("points", pts);
            mm.put("fit", c.fit() == null ? c.fitProblem().english() : c.fit().toMap());
            mm.put("nfePerK", c.nfePerK());
            mm.put("secondsPerK", c.secondsPerK());
            out.put(m.id(), mm);
        });
        return out;
    }
}
