package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * The generator's own samples from noise, labelled by the analytic pixel reader: what reflection
 * really shows a detector (faint half-drawn objects, blended colours, sizes in between), which
 * true scenes sent through the output path never are. The pixel reader sees presence, place,
 * colour and size but not shape, so a bank image teaches those and leaves the shape head alone
 * ({@link org.reflectlab.core.nn.detector.Detector#labels(List, boolean[])}). Only images the
 * reader is confident about are kept, one object per cell. The prompts are drawn as the
 * reflection pool draws its own, never an evaluation prompt.
 */
public final class SampleBank {

    /** A sample and what the pixel reader read off it; the objects' shapes are placeholders. */
    public record Entry(RgbImage image, Scene read) {
    }

    /** How a bank is drawn. */
    public record Settings(int prompts, int seedsPerPrompt, int steps, double guidance, long seed) {

        public Settings {
            if (prompts < 1 || seedsPerPrompt < 1 || steps < 1) {
                throw new IllegalArgumentException("at least one prompt, one seed and one sampling step");
            }
        }

        SamplePool.Settings asPool() {
            return new SamplePool.Settings(prompts, seedsPerPrompt, steps, guidance, seed, SamplePool.Settings.DEFAULT_WEIGHTS);
        }
    }

    /** Stands in for the shape nobody read; its label is masked out wherever it is used. */
    public static final Shape UNREAD_SHAPE = Shape.CIRCLE;

    private final List<Entry> entries;
    private final int drawn;

    private SampleBank(List<Entry> entries, int drawn) {
        this.entries = List.copyOf(entries);
        this.drawn = drawn;
    }

    /** A bank of images already read (the pixel reader's scenes), e.g. for a test. */
    public static SampleBank of(List<RgbImage> images) {
        List<Entry> kept = new ArrayList<>();
        for (RgbImage image : images) {
            Scene read = readable(image);
            if (read != null) {
                kept.add(new Entry(image, read));
            }
        }
        return new SampleBank(kept, images.size());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Samples drawn, confident or not. */
    public int drawn() {
        return drawn;
    }

    public double keptShare() {
        return drawn == 0 ? 0 : entries.size() / (double) drawn;
    }

    public static SampleBank build(Generator generator, LatentCodec codec, Settings s, Set<String> excluded, BooleanSupplier cancelled) {
        SamplePool.Settings pool = s.asPool();
        List<Caption> prompts = SamplePool.drawPrompts(pool, excluded, new HashMap<>());
        int perChunk = SamplePool.promptsPerBatch(pool);
        List<Entry> kept = new ArrayList<>();
        int drawn = 0;
        for (int from = 0; from < prompts.size() && !cancelled.getAsBoolean(); from += perChunk) {
            int to = Math.min(prompts.size(), from + perChunk);
            List<Generator.Condition> conds = new ArrayList<>();
            long[] seeds = new long[(to - from) * s.seedsPerPrompt()];
            int k = 0;
            for (int p = from; p < to; p++) {
                for (int j = 0; j < s.seedsPerPrompt(); j++) {
                    conds.add(new Generator.Condition(prompts.get(p), List.of()));
                    seeds[k++] = SamplePool.noiseSeed(s.seed(), p, j);
                }
            }
            INDArray z = generator.sample(conds, seeds, s.steps(), s.guidance());
            for (RgbImage image : codec.decode(z)) {
                drawn++;
                Scene read = readable(image);
                if (read != null) {
                    kept.add(new Entry(image, read));
                }
            }
        }
        return new SampleBank(kept, drawn);
    }

    /** The pixel reader's scene of an image, or null where it is not confident or two blobs share a cell. */
    static Scene readable(RgbImage image) {
        List<PixelSceneReader.Blob> blobs = PixelSceneReader.read(image);
        if (!PixelCheck.confident(blobs, image.width(), image.height())) {
            return null;
        }
        Set<Cell> cells = new HashSet<>();
        List<SceneObject> objects = new ArrayList<>();
        for (PixelSceneReader.Blob b : blobs) {
            if (!cells.add(b.cell())) {
                return null;
            }
            objects.add(SceneObject.plain(UNREAD_SHAPE, b.color(), b.size(), b.cell()));
        }
        return new Scene(objects);
    }
}
