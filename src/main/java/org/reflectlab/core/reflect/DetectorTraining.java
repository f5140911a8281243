package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelDescription;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.SdTrainer;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.WarmupCosine;

/**
 * Trains a scene detector on ShapesWorld renders, half of them degraded (blur, noise, a colour
 * cast) so it also reads softer generated images, and measures it on held-out renders of a
 * different seed: exact-scene accuracy (every cell right) and per-attribute accuracy, on clean
 * and on degraded images.
 */
public final class DetectorTraining {

    public static final long HELDOUT_SEED_OFFSET = 7_000_001;

    private final Detector detector;
    private final ShapesWorld train;
    private final ShapesWorld heldOut;
    private final SdTrainer trainer;
    private final int batch;
    private final int steps;
    private final long seed;
    private OutputPath outputPath;
    private double generatedRate;
    private String outputPathModel;
    private final int[] routed = new int[2];
    private SampleBank bank;
    private double bankRate;

    public DetectorTraining(DetectorConfig cfg, long seed, int batch, int steps, double lr) {
        this.detector = new Detector(cfg, new Params(seed));
        this.seed = seed;
        this.batch = batch;
        this.steps = steps;
        this.train = new ShapesWorld(DataSpec.defaults(seed));
        this.heldOut = new ShapesWorld(DataSpec.defaults(seed + HELDOUT_SEED_OFFSET));
        Map<String, Double> weights = new LinkedHashMap<>();
        Detector.COMPONENTS.forEach(c -> weights.put(c, 1.0));
        this.trainer = new SdTrainer(detector.graph(), detector.params(), Detector.FEATURES, Detector.LOSS, weights,
                new WarmupCosine(lr, Math.min(100, steps / 10), steps, 0.05));
    }

    public Detector detector() {
        return detector;
    }

    /**
     * Trains also on images from the generator's output path: each example goes through it with
     * probability {@code rate} (and keeps its render where the pixel reader says the scene did not
     * survive).
     */
    public DetectorTraining withOutputPath(OutputPath path, double rate, String generatorRef) {
        this.outputPath = path;
        this.generatedRate = rate;
        this.outputPathModel = generatorRef;
        return this;
    }

    /**
     * Trains also on the generator's own samples, labelled by the pixel reader (shape left
     * unlabelled): each example is one of them with probability {@code rate}.
     */
    public DetectorTraining withSampleBank(SampleBank samples, double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the bank's share must be 0..1");
        }
        this.bank = samples.entries().isEmpty() ? null : samples;
        this.bankRate = rate;
        return this;
    }

    /** Share of the examples sent through the output path whose label the pixel reader confirmed. */
    public double confirmedShare() {
        return routed[1] == 0 ? Double.NaN : routed[0] / (double) routed[1];
    }

    public ShapesWorld heldOutWorld() {
        return heldOut;
    }

    public long completedSteps() {
        return trainer.iteration();
    }

    public boolean finished() {
        return completedSteps() >= steps;
    }

    public StepResult step() {
        long first = completedSteps() * batch;
        List<Sample> samples = train.samples(first, batch);
        SplittableRandom r = ShapesWorld.random(seed ^ 0x5DEECE66DL, first);
        List<RgbImage> images = new ArrayList<>();
        List<Scene> scenes = new ArrayList<>();
        List<Integer> via = new ArrayList<>();
        List<RgbImage> renders = new ArrayList<>();
        List<Scene> viaScenes = new ArrayList<>();
        List<org.reflectlab.core.data.Caption> captions = new ArrayList<>();
        List<OutputPath.Route> routes = new ArrayList<>();
        boolean[] shapeKnown = new boolean[samples.size()];
        for (Sample s : samples) {
            if (bank != null && r.nextDouble() < bankRate) {
                SampleBank.Entry e = bank.entries().get(r.nextInt(bank.entries().size()));
                images.add(e.image());
                scenes.add(e.read());
                continue;
            }
            shapeKnown[images.size()] = true;
            RgbImage img = train.render(s.scene());
            if (outputPath != null && r.nextDouble() < generatedRate) {
                via.add(images.size());
                renders.add(img);
                viaScenes.add(s.scene());
                captions.add(s.caption());
                routes.add(outputPath.randomRoute(r));
            }
            images.add(r.nextBoolean() ? Degrade.random(img, r) : img);
            scenes.add(s.scene());
        }
        if (!via.isEmpty()) {
            List<RgbImage> out = outputPath.through(renders, viaScenes, captions, routes, r);
            for (int j = 0; j < via.size(); j++) {
                routed[1]++;
                if (out.get(j) != null) {
                    routed[0]++;
                    images.set(via.get(j), out.get(j));
                }
            }
        }
        return trainer.step(batch(images, scenes, shapeKnown));
    }

    private MultiDataSet batch(List<RgbImage> images, List<Scene> scenes, boolean[] shapeKnown) {
        Map<String, INDArray> labels = Detector.labels(scenes, shapeKnown);
        labels.put("input", detector.input(images));
        INDArray[] features = Detector.FEATURES.stream().map(labels::get).toArray(INDArray[]::new);
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    /** Runs to the last step, reporting every {@code every} steps. */
    public void run(int every, Consumer<StepResult> progress) {
        while (!finished()) {
            StepResult r = step();
            if (completedSteps() % every == 0 || finished()) {
                progress.accept(r);
            }
        }
    }

    public Map<String, Double> evaluate(int n) {
        return evaluate(detector, heldOut, n, seed);
    }

    /** Held-out accuracy of any detector on renders of a given world (clean and degraded). */
    public static Map<String, Double> evaluate(Detector detector, ShapesWorld world, int n, long seed) {
        Map<String, Double> m = new LinkedHashMap<>();
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        int[] clean = new int[5];
        int[] degraded = new int[5];
        int objects = 0;
        for (int from = 0; from < n; from += 128) {
            int k = Math.min(128, n - from);
            List<Sample> samples = world.samples(from, k);
            List<RgbImage> cleanImgs = new ArrayList<>();
            List<RgbImage> degradedImgs = new ArrayList<>();
            for (Sample s : samples) {
                RgbImage img = world.render(s.scene());
                cleanImgs.add(img);
                degradedImgs.add(Degrade.random(img, r));
            }
            List<List<SceneObject>> a = detector.read(cleanImgs);
            List<List<SceneObject>> b = detector.read(degradedImgs);
            for (int i = 0; i < k; i++) {
                Scene truth = samples.get(i).scene();
                objects += truth.size();
                tally(truth, a.get(i), clean);
                tally(truth, b.get(i), degraded);
            }
        }
        m.put("scene_accuracy", clean[0] / (double) n);
        m.put("shape_accuracy", clean[1] / (double) objects);
        m.put("color_accuracy", clean[2] / (double) objects);
        m.put("size_accuracy", clean[3] / (double) objects);
        m.put("count_accuracy", clean[4] / (double) n);
        m.put("degraded_scene_accuracy", degraded[0] / (double) n);
        m.put("heldout_images", (double) n);
        return m;
    }

    /** counts: [exact scene, shape right, color right, size right, count right]. */
    static void tally(Scene truth, List<SceneObject> read, int[] counts) {
        List<SceneObject> plain = truth.objects().stream()
                .map(o -> SceneObject.plain(o.shape(), o.color(), o.size(), o.cell())).toList();
        if (plain.size() == read.size() && read.containsAll(plain)) {
            counts[0]++;
        }
        if (read.size() == truth.size()) {
            counts[4]++;
        }
        for (SceneObject o : truth.objects()) {
            for (SceneObject d : read) {
                if (d.cell().equals(o.cell())) {
                    counts[1] += d.shape() == o.shape() ? 1 : 0;
                    counts[2] += d.color() == o.color() ? 1 : 0;
                    counts[3] += d.size() == o.size() ? 1 : 0;
                }
            }
        }
    }

    public Manifest save(ModelStore store, String name, String role, String command, Map<String, Double> metrics)
            throws ModelStoreException {
        ModelStoreException.requireFinite(name, detector.params().hasNonFinite());
        Map<String, INDArray> weights = detector.params().arrays();
        Map<String, Object> config = new LinkedHashMap<>(detector.config().toMap());
        config.put("role", role);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", steps);
        training.put("batchSize", batch);
        training.put("seed", seed);
        training.put("augmentation", "half the images blurred (sigma 0.3-1.2 px), noised (sigma <= 0.05), brightness x0.85-1.15");
        if (outputPath != null) {
            training.put("generatedRate", generatedRate);
            training.put("outputPathModel", outputPathModel);
            training.put("generated", "that share of examples sent through the generator's output path (decoded, latent noise"
                    + " sigma 0.1-0.5, or re-generated from t0 0.55-0.85 under their caption), kept where the pixel reader"
                    + " confirms the scene survived");
            training.put("confirmedShare", confirmedShare());
        }
        if (bank != null) {
            training.put("sampledRate", bankRate);
            training.put("sampled", "that share of examples are the output-path generator's own samples from noise (prompts drawn as"
                    + " the reflection pool draws them, none an evaluation prompt), labelled by the pixel reader where it is"
                    + " confident: presence, cell, colour and size; shape unlabelled");
            training.put("sampledImages", bank.entries().size());
            training.put("sampledKeptShare", bank.keptShare());
        }
        config.put("training", training);
        Map<String, Object> data = new LinkedHashMap<>(train.spec().toMap());
        data.put("heldOutSeed", heldOut.spec().seed());
        Map<String, Object> network = Map.of("parameters", detector.params().count(), "forwardMatmulFlopsPerImage",
                detector.forwardFlops());
        return store.save(name, List.of(NetworkIO.paramsFile("weights", weights)), new ModelDescription(Detector.KIND, command, seed, data, config, network, new LinkedHashMap<>(metrics)));
    }



}
