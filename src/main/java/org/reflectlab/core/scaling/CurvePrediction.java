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
import org.reflectlab.core.text.Phrase;
import org.reflectlab.core.text.PhrasedException;

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
                throw new PhrasedException("scaling.parse.not-pair", part.trim());
            }
            int k;
            double q;
            try {
                k = Integer.parseInt(kv[0].trim());
                q = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new PhrasedException("scaling.parse.not-pair", part.trim());
            }
            if (k < 1) {
                throw new PhrasedException("scaling.parse.k", k);
            }
            if (!(q >= 0 && q <= 1)) {
                throw new PhrasedException("scaling.parse.score", kv[1].trim());
            }
            if (out.put(k, q) != null) {
                throw new PhrasedException("scaling.parse.twice", k);
            }
        }
        if (out.isEmpty()) {
            throw new PhrasedException("scaling.parse.empty");
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

    /**
     * The reveal as one paragraph: each K predicted against measured, the mean miss, how many fell inside the interval.
     * A phrase: the app says it in the chosen language, {@link Phrase#english()} is the CLI's sentence.
     */
    public Phrase reveal(ScalingAnalysis analysis) {
        List<Miss> misses = against(analysis);
        List<Miss> measured = misses.stream().filter(m -> m.measured() != null).toList();
        if (measured.isEmpty()) {
            return new Phrase("scaling.reveal.none-measured", method, String.valueOf(points.keySet()));
        }
        double sum = 0;
        List<Phrase> items = new ArrayList<>();
        for (Miss m : measured) {
            double d = m.predicted() - m.measured().quality();
            sum += Math.abs(d);
            items.add(new Phrase(m.insideInterval() ? "scaling.reveal.item-inside" : "scaling.reveal.item", m.k(), m.predicted(),
                    m.measured().quality(), d));
        }
        long inside = measured.stream().filter(Miss::insideInterval).count();
        List<Integer> notRun = misses.stream().filter(m -> m.measured() == null).map(Miss::k).toList();
        Phrase notMeasured = notRun.isEmpty() ? Phrase.none() : new Phrase("scaling.reveal.not-measured",
                Phrase.join("scaling.reveal.k-list", notRun));
        return new Phrase("scaling.reveal", method, Phrase.join("scaling.reveal.items", items), sum / measured.size(), inside,
                measured.size(), notMeasured);
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
