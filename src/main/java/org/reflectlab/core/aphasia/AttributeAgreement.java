package org.reflectlab.core.aphasia;

import java.util.List;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;

/**
 * Scores one reconstruction against the true scene, per {@link Metric}. Objects are matched by
 * grid cell (the judge reports at most one object per cell, ShapesWorld puts at most one there).
 */
public final class AttributeAgreement {

    /**
     * Fine-position tolerance. Captions carry only the 3x3 cell; the sub-cell offset is up to ~2.4 px
     * for small shapes and ~0.4-1.2 px for large ones (32 px images), so a path through text can only
     * land within this by luck of a small offset, while a faithful image path lands well inside it.
     */
    public static final double FINE_TOLERANCE_PX = 0.5;

    private AttributeAgreement() {
    }

    /** Every metric's score of one reconstruction, indexed by {@link Metric#ordinal()}. */
    public static double[] score(Scene truth, RgbImage original, RgbImage reconstruction, List<SceneObject> judged) {
        double[] s = new double[Metric.values().length];
        s[Metric.PIXELS.ordinal()] = Fidelity.similarity(original, reconstruction);
        double[] o = objectScores(truth, judged);
        for (Metric m : List.of(Metric.SHAPE, Metric.COLOR, Metric.SIZE, Metric.POSITION, Metric.COUNT)) {
            s[m.ordinal()] = o[m.ordinal()];
        }
        double[] err = centroidErrors(truth, original, reconstruction);
        int fine = 0;
        for (double e : err) {
            fine += e <= FINE_TOLERANCE_PX ? 1 : 0;
        }
        s[Metric.FINE.ordinal()] = fine / (double) truth.size();
        return s;
    }

    /**
     * Shape, color, size, position and count of objects read from anywhere (the judge on an image, or a
     * caption's phrases) against the true scene; the other metrics' slots are NaN.
     */
    public static double[] objectScores(Scene truth, List<SceneObject> judged) {
        return objectScores(truth, judged, judged.size());
    }

    /** As above; {@code stated} is how many objects were claimed in all (a caption may name objects without a place). */
    public static double[] objectScores(Scene truth, List<SceneObject> judged, int stated) {
        double[] s = new double[Metric.values().length];
        java.util.Arrays.fill(s, Double.NaN);
        List<SceneObject> objects = truth.objects();
        int found = 0;
        int shape = 0;
        int color = 0;
        int size = 0;
        for (SceneObject o : objects) {
            SceneObject j = inCell(judged, o.cell());
            if (j == null) {
                continue;
            }
            found++;
            shape += j.shape() == o.shape() ? 1 : 0;
            color += j.color() == o.color() ? 1 : 0;
            size += j.size() == o.size() ? 1 : 0;
        }
        int n = objects.size();
        s[Metric.SHAPE.ordinal()] = shape / (double) n;
        s[Metric.COLOR.ordinal()] = color / (double) n;
        s[Metric.SIZE.ordinal()] = size / (double) n;
        s[Metric.POSITION.ordinal()] = found / (double) Math.max(n, stated);
        s[Metric.COUNT.ordinal()] = stated == n ? 1 : 0;
        return s;
    }

    /**
     * Per true object: the distance in pixels between its blob's centroid in the original and the
     * blob's centroid in the same cell of the reconstruction; +infinity when either has no blob there.
     */
    public static double[] centroidErrors(Scene truth, RgbImage original, RgbImage reconstruction) {
        List<PixelSceneReader.Blob> a = PixelSceneReader.read(original);
        List<PixelSceneReader.Blob> b = PixelSceneReader.read(reconstruction);
        double[] out = new double[truth.size()];
        for (int i = 0; i < truth.size(); i++) {
            Cell cell = truth.objects().get(i).cell();
            PixelSceneReader.Blob x = blobIn(a, cell);
            PixelSceneReader.Blob y = blobIn(b, cell);
            if (x == null || y == null) {
                out[i] = Double.POSITIVE_INFINITY;
            } else {
                double dx = (x.centerX() - y.centerX()) * original.width();
                double dy = (x.centerY() - y.centerY()) * original.height();
                out[i] = Math.hypot(dx, dy);
            }
        }
        return out;
    }

    private static SceneObject inCell(List<SceneObject> objects, Cell cell) {
        for (SceneObject o : objects) {
            if (o.cell().equals(cell)) {
                return o;
            }
        }
        return null;
    }

    /** The largest blob in the cell (antialiasing fringes can leave small extra blobs). */
    private static PixelSceneReader.Blob blobIn(List<PixelSceneReader.Blob> blobs, Cell cell) {
        PixelSceneReader.Blob best = null;
        for (PixelSceneReader.Blob b : blobs) {
            if (b.cell().equals(cell) && (best == null || b.area() > best.area())) {
                best = b;
            }
        }
        return best;
    }
}
