package org.reflectlab.core.world;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;

/** A comparison as a PNG strip (one row per model) and its per-frame metrics as CSV, written atomically. */
public final class WorldExport {

    private WorldExport() {
    }

    /** Rows: truth, explicit, implicit, hybrid (those present); columns: frames evenly spaced over 0..horizon. */
    public static BufferedImage strip(Comparison c, int columns, int scale) {
        int cols = Math.max(1, Math.min(columns, c.horizon() + 1));
        List<RgbImage> cells = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            if (!c.has(kind)) {
                continue;
            }
            for (int j = 0; j < cols; j++) {
                int k = cols == 1 ? 0 : (int) Math.round(j * c.horizon() / (double) (cols - 1));
                cells.add(c.frame(kind, k));
            }
        }
        return ImageGrid.compose(cells, cols, scale, 2, 0.55f);
    }

    public static void writeStrip(Comparison c, int columns, int scale, Path file) throws IOException {
        ImageGrid.writePng(strip(c, columns, scale), file);
    }

    /** step, then error_, diff_ and energy_ per sequence present. */
    public static void writeCsv(Comparison c, Path file) throws IOException {
        List<ModelKind> kinds = new ArrayList<>();
        for (ModelKind k : ModelKind.values()) {
            if (c.has(k)) {
                kinds.add(k);
            }
        }
        atomically(file, w -> {
            w.write(String.format(Locale.ROOT, "# seed %d, %d balls, %s actions, alpha %.3f, threshold %.4f%n",
                    c.spec().seed(), c.spec().balls(), c.spec().script().key(), c.alpha(), c.threshold()));
            StringBuilder head = new StringBuilder("step");
            for (String metric : List.of("error", "diff", "energy")) {
                kinds.forEach(k -> head.append(',').append(metric).append('_').append(k.key()));
            }
            w.write(head + "\n");
            for (int s = 1; s <= c.horizon(); s++) {
                StringBuilder row = new StringBuilder(Integer.toString(s));
                for (int m = 0; m < 3; m++) {
                    for (ModelKind k : kinds) {
                        RolloutMetrics r = c.metrics().get(k);
                        double v = m == 0 ? r.errors()[s - 1] : m == 1 ? r.frameDiffs()[s - 1] : r.energy()[s - 1];
                        row.append(String.format(Locale.ROOT, ",%.6g", v));
                    }
                }
                w.write(row + "\n");
            }
        });
    }

    public static void writeSweepCsv(AlphaSweep.Result r, Path file) throws IOException {
        atomically(file, w -> {
            w.write(String.format(Locale.ROOT, "# %d held-out rollouts of %d frames; best alpha %.3f; truth mean diff %.6g%n",
                    r.rollouts(), r.horizon(), r.best().alpha(), r.truthDiff()));
            w.write("alpha,mean_error,mean_diff,max_diff\n");
            for (AlphaSweep.Point p : r.points()) {
                w.write(String.format(Locale.ROOT, "%.4f,%.6g,%.6g,%.6g%n", p.alpha(), p.meanError(), p.meanDiff(), p.maxDiff()));
            }
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void atomically(Path file, Body body) throws IOException {
        org.reflectlab.core.store.AtomicFile.writeText(file, body::write);
    }
}
