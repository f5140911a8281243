package org.reflectlab.core.nn.detector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.SdBuilder;
import org.reflectlab.core.nn.fast.FastPath;

/**
 * Reads a scene off an image: for each of the nine grid cells, whether an object is there and
 * its shape, color and size. The critic and the judge are both Detectors, of different
 * architectures (see {@link DetectorConfig}), trained separately with different seeds.
 *
 * <p>Not thread-safe: one thread owns a detector at a time.
 */
public final class Detector implements SceneReader {

    public static final String KIND = "scene-detector";
    /** How the model store saves and loads it. */
    public static final org.reflectlab.core.nn.NetworkIO.Kind<DetectorConfig, Detector> NETWORK =
            new org.reflectlab.core.nn.NetworkIO.Kind<>(KIND, "a scene detector", null, DetectorConfig::fromMap, Detector::new);
    public static final String LOSS = "loss";
    public static final List<String> COMPONENTS = List.of("loss_presence", "loss_shape", "loss_color", "loss_size");
    /** Placeholders of a training batch, in MultiDataSet feature order. */
    public static final List<String> FEATURES = List.of("input", "presence", "shape", "color", "size", "present_mask");

    static final int CELLS = Cell.GRID * Cell.GRID;
    static final int CROP = 13;
    static final int READOUT = 16;

    private final DetectorConfig cfg;
    private final Params params;
    private SameDiff graph;
    private DetectorFast fast;

    public Detector(DetectorConfig cfg, Params params) {
        this.cfg = cfg;
        this.params = params;
        graph();
    }

    public DetectorConfig config() {
        return cfg;
    }

    public Params params() {
        return params;
    }

    public SameDiff graph() {
        if (graph != null) {
            return graph;
        }
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, inputShape());
        SDVariable hidden = cfg.arch() == DetectorConfig.Arch.VIT ? vitTrunk(b, input) : cropTrunk(b, input);
        int rowsPerImage = cfg.arch() == DetectorConfig.Arch.VIT ? 1 : CELLS;
        long in = cfg.hidden();
        SDVariable presence = head(b, "presence", hidden, in, 2, rowsPerImage);
        SDVariable shape = head(b, "shape", hidden, in, Shape.values().length, rowsPerImage);
        SDVariable color = head(b, "color", hidden, in, ShapeColor.values().length, rowsPerImage);
        SDVariable size = head(b, "size", hidden, in, Size.values().length, rowsPerImage);

        SDVariable yPresence = sd.placeHolder("presence", DataType.FLOAT, -1, CELLS, 2);
        SDVariable yShape = sd.placeHolder("shape", DataType.FLOAT, -1, CELLS, Shape.values().length);
        SDVariable yColor = sd.placeHolder("color", DataType.FLOAT, -1, CELLS, ShapeColor.values().length);
        SDVariable ySize = sd.placeHolder("size", DataType.FLOAT, -1, CELLS, Size.values().length);
        SDVariable mask = sd.placeHolder("present_mask", DataType.FLOAT, -1, CELLS);

        SDVariable lp = ce(b, presence, yPresence).mean().rename("loss_presence");
        SDVariable count = mask.sum().add(1e-6);
        SDVariable ls = ce(b, shape, yShape).mul(mask).sum().div(count).rename("loss_shape");
        SDVariable lc = ce(b, color, yColor).mul(mask).sum().div(count).rename("loss_color");
        SDVariable lz = ce(b, size, ySize).mul(mask).sum().div(count).rename("loss_size");
        lp.add(ls).add(lc).add(lz).rename(LOSS);
        graph = sd;
        return sd;
    }

    private long[] inputShape() {
        if (cfg.arch() == DetectorConfig.Arch.VIT) {
            return new long[] {-1, Patches.tokens(cfg.imageSize(), 4), Patches.tokenWidth(4)};
        }
        return new long[] {-1, CELLS, 3L * CROP * CROP};
    }

    /** Patches -> transformer -> a position-aware readout of all tokens -> one hidden vector per image. */
    private SDVariable vitTrunk(SdBuilder b, SDVariable patches) {
        int t = Patches.tokens(cfg.imageSize(), 4);
        int d = cfg.width();
        SameDiff sd = b.sd();
        SDVariable x = b.dense3("vit/embed", patches, t, Patches.tokenWidth(4), d).add(b.table("vit/pos", t, d));
        for (int i = 0; i < cfg.depth(); i++) {
            x = b.block("vit/block" + i, x, t, d, 4, null);
        }
        SDVariable narrow = b.dense3("vit/narrow", b.layerNorm3("vit/ln", x, d), t, d, READOUT);
        return sd.nn.gelu(b.dense("vit/hidden", sd.reshape(narrow, -1, (long) t * READOUT), (long) t * READOUT, cfg.hidden()));
    }

    /** Each cell's crop alone through an MLP shared by all cells: one hidden vector per cell. */
    private SDVariable cropTrunk(SdBuilder b, SDVariable crops) {
        SameDiff sd = b.sd();
        long in = 3L * CROP * CROP;
        SDVariable x = sd.reshape(crops, -1, in);
        x = sd.nn.gelu(b.dense("crop/fc0", x, in, cfg.hidden()));
        for (int i = 1; i < cfg.depth(); i++) {
            x = sd.nn.gelu(b.dense("crop/fc" + i, x, cfg.hidden(), cfg.hidden()));
        }
        return x;
    }

    /** Logits [b, 9, classes] from the hidden vectors (one per image, or one per cell). */
    private SDVariable head(SdBuilder b, String name, SDVariable hidden, long in, int classes, int rowsPerImage) {
        long out = rowsPerImage == 1 ? (long) CELLS * classes : classes;
        SDVariable logits = b.dense("head/" + name, hidden, in, out);
        return b.sd().identity("logits_" + name, b.sd().reshape(logits, -1, CELLS, classes));
    }

    private static SDVariable ce(SdBuilder b, SDVariable logits, SDVariable onehot) {
        return onehot.mul(b.logSoftmax(logits, 2)).sum(2).mul(-1.0);
    }

    // Inputs //

    public INDArray input(List<RgbImage> images) {
        if (cfg.arch() == DetectorConfig.Arch.VIT) {
            int t = Patches.tokens(cfg.imageSize(), 4);
            int w = Patches.tokenWidth(4);
            float[] buf = new float[images.size() * t * w];
            for (int i = 0; i < images.size(); i++) {
                check(images.get(i));
                Patches.toPatches(images.get(i), 4, buf, i * t * w);
            }
            return Nd4j.create(buf, new long[] {images.size(), t, w}, 'c');
        }
        int per = 3 * CROP * CROP;
        float[] buf = new float[images.size() * CELLS * per];
        for (int i = 0; i < images.size(); i++) {
            check(images.get(i));
            crops(images.get(i), buf, i * CELLS * per);
        }
        return Nd4j.create(buf, new long[] {images.size(), CELLS, per}, 'c');
    }

    private void check(RgbImage img) {
        if (img.width() != cfg.imageSize() || img.height() != cfg.imageSize()) {
            throw new IllegalArgumentException("the detector reads " + cfg.imageSize() + "px images, not " + img.width() + "px");
        }
    }

    /** Each cell's CROP x CROP window around its centre (edges clamped), channel-major. */
    static void crops(RgbImage img, float[] out, int offset) {
        int s = img.width();
        double cell = s / (double) Cell.GRID;
        int i = offset;
        for (Cell c : Cell.ALL) {
            int x0 = (int) Math.round((c.col() + 0.5) * cell - CROP / 2.0);
            int y0 = (int) Math.round((c.row() + 0.5) * cell - CROP / 2.0);
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < CROP; y++) {
                    int yy = Math.max(0, Math.min(s - 1, y0 + y));
                    for (int x = 0; x < CROP; x++) {
                        int xx = Math.max(0, Math.min(s - 1, x0 + x));
                        out[i++] = img.get(ch, yy, xx);
                    }
                }
            }
        }
    }

    /** Labels of true scenes, for training: one-hot per cell, and which cells hold an object. */
    public static Map<String, INDArray> labels(List<Scene> scenes) {
        boolean[] known = new boolean[scenes.size()];
        java.util.Arrays.fill(known, true);
        return labels(scenes, known);
    }

    /**
     * Labels where some scenes' shapes were never read (a generated image labelled by the pixel
     * reader): their shape rows stay all zero, so the shape loss, a cross-entropy against the
     * one-hot row, is zero there and the shape head learns nothing from them.
     */
    public static Map<String, INDArray> labels(List<Scene> scenes, boolean[] shapeKnown) {
        int n = scenes.size();
        float[] presence = new float[n * CELLS * 2];
        float[] shape = new float[n * CELLS * Shape.values().length];
        float[] color = new float[n * CELLS * ShapeColor.values().length];
        float[] size = new float[n * CELLS * Size.values().length];
        float[] mask = new float[n * CELLS];
        for (int i = 0; i < n; i++) {
            SceneObject[] byCell = new SceneObject[CELLS];
            scenes.get(i).objects().forEach(o -> byCell[o.cell().index()] = o);
            for (int c = 0; c < CELLS; c++) {
                int row = i * CELLS + c;
                SceneObject o = byCell[c];
                presence[row * 2 + (o == null ? 0 : 1)] = 1;
                if (o != null) {
                    mask[row] = 1;
                    if (shapeKnown[i]) {
                        shape[row * Shape.values().length + o.shape().ordinal()] = 1;
                    }
                    color[row * ShapeColor.values().length + o.color().ordinal()] = 1;
                    size[row * Size.values().length + o.size().ordinal()] = 1;
                }
            }
        }
        Map<String, INDArray> m = new HashMap<>();
        m.put("presence", Nd4j.create(presence, new long[] {n, CELLS, 2}, 'c'));
        m.put("shape", Nd4j.create(shape, new long[] {n, CELLS, Shape.values().length}, 'c'));
        m.put("color", Nd4j.create(color, new long[] {n, CELLS, ShapeColor.values().length}, 'c'));
        m.put("size", Nd4j.create(size, new long[] {n, CELLS, Size.values().length}, 'c'));
        m.put("present_mask", Nd4j.create(mask, new long[] {n, CELLS}, 'c'));
        return m;
    }

    // Inference //

    /** The objects read off each image (any number, possibly none), with no fine detail. */
    @Override
    public List<List<SceneObject>> read(List<RgbImage> images) {
        float[][] logits = logits(input(images));
        int[] classes = HEAD_CLASSES;
        List<List<SceneObject>> result = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<SceneObject> objects = new ArrayList<>();
            for (int c = 0; c < CELLS; c++) {
                int row = i * CELLS + c;
                if (argMax(logits[0], row, classes[0]) == 1) {
                    objects.add(SceneObject.plain(Shape.values()[argMax(logits[1], row, classes[1])],
                            ShapeColor.values()[argMax(logits[2], row, classes[2])],
                            Size.values()[argMax(logits[3], row, classes[3])], Cell.ALL.get(c)));
                }
            }
            result.add(objects);
        }
        return result;
    }

    static final String[] HEADS = {"presence", "shape", "color", "size"};
    static final int[] HEAD_CLASSES = {2, Shape.values().length, ShapeColor.values().length, Size.values().length};

    /** Each head's logits for an input batch, as [batch * 9 * classes] arrays (presence, shape, color, size). */
    float[][] logits(INDArray input) {
        if (FastPath.enabled()) {
            if (fast == null) {
                fast = new DetectorFast(cfg, params);
            }
            return fast.logits(input, HEADS, HEAD_CLASSES);
        }
        Map<String, INDArray> out = graph().output(Map.of("input", input),
                "logits_presence", "logits_shape", "logits_color", "logits_size");
        float[][] logits = new float[HEADS.length][];
        for (int k = 0; k < HEADS.length; k++) {
            logits[k] = out.get("logits_" + HEADS[k]).dup('c').data().asFloat();
        }
        return logits;
    }

    /** The first index of the largest of {@code classes} values in row {@code row} (as Nd4j.argMax picks). */
    private static int argMax(float[] values, int row, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (values[row * classes + k] > values[row * classes + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Matrix-multiply FLOPs of one image's forward pass (to convert detector calls to NFE). */
    @Override
    public long forwardFlops() {
        long h = cfg.hidden();
        long heads = 2L * h * CELLS * (2 + Shape.values().length + ShapeColor.values().length + Size.values().length);
        if (cfg.arch() == DetectorConfig.Arch.VIT) {
            long t = Patches.tokens(cfg.imageSize(), 4);
            long d = cfg.width();
            long block = 2 * t * d * d * 4 + 2 * t * t * d * 2 + 2 * t * d * 4 * d * 2;
            return 2 * t * Patches.tokenWidth(4) * d + cfg.depth() * block + 2 * t * d * READOUT + 2 * t * READOUT * h + heads;
        }
        long in = 3L * CROP * CROP;
        return CELLS * (2 * in * h + (cfg.depth() - 1) * 2 * h * h) + heads;
    }
}
