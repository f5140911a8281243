package org.reflectlab.core.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every step's losses and every evaluation's metrics of a run, in compact arrays (a 100k-step
 * run is a few MB). Written and read as CSV: one row per step, evaluation columns filled on the
 * steps where an evaluation ran.
 */
public final class LossHistory {

    private final List<String> components;
    private long[] steps = new long[1024];
    private float[][] values;
    private float[] lr = new float[1024];
    private int size;
    private final TreeMap<Long, Map<String, Double>> evals = new TreeMap<>();

    public LossHistory(List<String> components) {
        this.components = List.copyOf(components);
        this.values = new float[components.size() + 1][1024];
    }

    public synchronized void add(StepResult r) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            lr = Arrays.copyOf(lr, size * 2);
            for (int i = 0; i < values.length; i++) {
                values[i] = Arrays.copyOf(values[i], size * 2);
            }
        }
        steps[size] = r.iteration();
        values[0][size] = (float) r.loss();
        for (int i = 0; i < components.size(); i++) {
            values[i + 1][size] = r.components().getOrDefault(components.get(i), Double.NaN).floatValue();
        }
        lr[size] = (float) r.learningRate();
        size++;
    }

    public synchronized void addEval(long step, Map<String, Double> metrics) {
        evals.put(step, new LinkedHashMap<>(metrics));
    }

    public synchronized int size() {
        return size;
    }

    public List<String> components() {
        return components;
    }

    public synchronized long step(int i) {
        return steps[i];
    }

    /** Total loss (column 0) or component c (1-based). */
    public synchronized double value(int column, int i) {
        return values[column][i];
    }

    public synchronized Map<Long, Map<String, Double>> evals() {
        return new TreeMap<>(evals);
    }

    public synchronized void writeCsv(Writer w) throws IOException {
        List<String> evalKeys = new ArrayList<>();
        evals.values().forEach(m -> m.keySet().forEach(k -> {
            if (!evalKeys.contains(k)) {
                evalKeys.add(k);
            }
        }));
        StringBuilder head = new StringBuilder("step,loss");
        components.forEach(c -> head.append(',').append(c));
        head.append(",learning_rate");
        evalKeys.forEach(k -> head.append(",eval_").append(k));
        w.write(head.append('\n').toString());
        java.util.Set<Long> written = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            StringBuilder row = new StringBuilder().append(steps[i]);
            for (float[] col : values) {
                row.append(',').append(num(col[i]));
            }
            row.append(',').append(num(lr[i]));
            Map<String, Double> e = evals.get(steps[i]);
            if (e != null) {
                written.add(steps[i]);
            }
            for (String k : evalKeys) {
                row.append(',');
                if (e != null && e.containsKey(k)) {
                    row.append(num(e.get(k)));
                }
            }
            w.write(row.append('\n').toString());
        }
        // evaluations of step 0 (before training) or of steps not in the loss rows
        for (Map.Entry<Long, Map<String, Double>> e : evals.entrySet()) {
            if (written.contains(e.getKey())) {
                continue;
            }
            StringBuilder row = new StringBuilder().append(e.getKey());
            for (int c = 0; c < values.length + 1; c++) {
                row.append(',');
            }
            for (String k : evalKeys) {
                row.append(',');
                if (e.getValue().containsKey(k)) {
                    row.append(num(e.getValue().get(k)));
                }
            }
            w.write(row.append('\n').toString());
        }
        w.flush();
    }

    public void writeCsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            writeCsv(w);
        }
    }

    /** Exports the CSV through a temp file and a rename (a failed write leaves the previous file). */
    public void exportCsv(Path file) throws IOException {
        org.reflectlab.core.store.AtomicFile.writeText(file, this::writeCsv);
    }

    /** Reads a CSV written by {@link #writeCsv}; rows it cannot read are an IOException. */
    public static LossHistory readCsv(Path file, List<String> components) throws IOException {
        List<String> lines = Files.readAllLines(file);
        LossHistory h = new LossHistory(components);
        if (lines.isEmpty()) {
            return h;
        }
        String[] head = lines.get(0).split(",", -1);
        int first = 2 + components.size() + 1;
        try {
            for (int li = 1; li < lines.size(); li++) {
                String[] f = lines.get(li).split(",", -1);
                long step = Long.parseLong(f[0]);
                if (!f[1].isEmpty()) {
                    Map<String, Double> parts = new LinkedHashMap<>();
                    for (int c = 0; c < components.size(); c++) {
                        parts.put(components.get(c), Double.parseDouble(f[2 + c]));
                    }
                    h.add(new StepResult(step, Double.parseDouble(f[1]), parts, false, Double.parseDouble(f[first - 1])));
                }
                Map<String, Double> e = new LinkedHashMap<>();
                for (int c = first; c < f.length && c < head.length; c++) {
                    if (!f[c].isEmpty()) {
                        e.put(head[c].substring("eval_".length()), Double.parseDouble(f[c]));
                    }
                }
                if (!e.isEmpty()) {
                    h.addEval(step, e);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("the loss history " + file.getFileName() + " is not readable: " + e.getMessage(), e);
        }
        return h;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }
}
