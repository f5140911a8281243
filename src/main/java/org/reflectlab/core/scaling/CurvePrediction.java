package org.reflectlab.core.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reflectlab.core.store.AtomicFile;

/**
 * A learner's guess at one method's scaling curve before the sweep runs ("1: 0.40, 4: 0.55, 20: 0.70":
 * GenEval-lite per K), and how it compares with what the sweep measured. Kept in the sweep's folder
 * ({@link #FILE}) so the guess stays with the run it was made for.
 */
public record CurvePrediction(Method method, SortedMap<Integer, Double> points) {

    public static final String FILE = "prediction.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public CurvePrediction {
        points = new TreeMap<>(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one K: score pair");
        }
    }

    /** "1: 0.4, 4: 0.55" (or "1=0.4") into a prediction; a clear message naming the part that is wrong. */
    public static CurvePrediction parse(Method method, String text) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("[:=]");
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not 'K: score' (e.g. 4: 0.55)");
            }
            int k;
            double q;
            try {
                k = Integer.parseInt(kv[0].trim());
                q = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not 'K: score' (e.g. 4: 0.55)");
            }
            if (k < 1) {
                throw new IllegalArgumentException("K must be 1 or more, not " + k);
            }
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("a score is between 0 and 1 (GenEval-lite), not " + kv[1].trim());
            }
            if (out.put(k, q) != null) {
                throw new IllegalArgumentException("K=" + k + " is given twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one 'K: score' pair, e.g. 1: 0.4, 20: 0.7");
        }
        return new CurvePrediction(method, out);
    }

    /** The points as {@link #parse} reads them. */
    public String text() {
        List<String> parts = new ArrayList<>();
        points.forEach((k, q) -> parts.add(String.format(Locale.ROOT, "%d: %.2f", k, q)));
        return String.join(", ", parts);
    }

    /** One predicted K against the sweep: measured null when the sweep has no point at that K. */
    public record Miss(int k, double predicted, ScalingAnalysis.Point measured) {

        public boolean insideInterval() {
            return measured != null && predicted >= measured.low() && predicted <= measured.high();
        }
    }

    public List<Miss> against(ScalingAnalysis analysis) {
        ScalingAnalysis.Curve c = analysis.curve(method);
        List<Miss> out = new ArrayList<>();
        points.forEach((k, q) -> out.add(new Miss(k, q, c == null ? null
                : c.points().stream().filter(p -> p.k() == k).findFirst().orElse(null))));
        return out;
    }

    /** The reveal as one paragraph: each K predicted against measured, the mean miss, how many fell inside the interval. */
    public String reveal(ScalingAnalysis analysis) {
        List<Miss> misses = against(analysis);
        List<Miss> measured = misses.stream().filter(m -> m.measured() != null).toList();
        if (measured.isEmpty()) {
            return "The sweep measured " + method.label() + " at none of your K values (" + points.keySet() + ").";
        }
        StringBuilder sb = new StringBuilder("Your " + method.label() + " curve against the sweep:");
        double sum = 0;
        for (Miss m : measured) {
            double d = m.predicted() - m.measured().quality();
            sum += Math.abs(d);
            sb.append(String.format(Locale.ROOT, " K=%d %.2f vs %.2f (%+.2f)%s;", m.k(), m.predicted(), m.measured().quality(), d,
                    m.insideInterval() ? " inside the 95% interval" : ""));
        }
        long inside = measured.stream().filter(Miss::insideInterval).count();
        sb.setLength(sb.length() - 1);
        sb.append(String.format(Locale.ROOT, ". Mean miss %.2f; %d of %d inside the interval.", sum / measured.size(), inside, measured.size()));
        List<Integer> notRun = misses.stream().filter(m -> m.measured() == null).map(Miss::k).toList();
        if (!notRun.isEmpty()) {
            sb.append(" Not measured: K=").append(notRun.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")).append('.');
        }
        return sb.toString();
    }

    /** Writes the prediction into a sweep's folder (atomically). */
    public void write(Path sweepDir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.id());
        Map<String, Double> pts = new LinkedHashMap<>();
        points.forEach((k, q) -> pts.put(String.valueOf(k), q));
        m.put("points", pts);
        AtomicFile.writeJson(sweepDir.resolve(FILE), m);
    }

    /** The prediction stored with a sweep, or null if it has none; an unreadable file is an IOException naming it. */
    public static CurvePrediction read(Path sweepDir) throws IOException {
        Path f = sweepDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            Map<?, ?> m = JSON.readValue(f.toFile(), Map.class);
            SortedMap<Integer, Double> pts = new TreeMap<>();
            ((Map<?, ?>) m.get("points")).forEach((k, v) -> pts.put(Integer.parseInt(String.valueOf(k)), ((Number) v).doubleValue()));
            return new CurvePrediction(Method.parse(String.valueOf(m.get("method"))), pts);
        } catch (IOException | RuntimeException e) {
            throw new IOException(f + " is not a readable prediction: " + e.getMessage(), e);
        }
    }
}
