package org.reflectlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedNet;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelDescription;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * One training run of the unified model: the model, its optimizer, the data streams and the
 * history. Batch k is always samples [k*batch, (k+1)*batch) of the training world, so a run is
 * reproducible from its seed and resumable from a checkpoint. Held-out data comes from a
 * different seed than training data.
 */
public final class UnifiedTraining extends TrainingRun<UnifiedModel> {

    /** Held-out scenes are drawn with seed + this, never from the training stream. */
    public static final long HELDOUT_SEED_OFFSET = 1_000_003;
    public static final int PANEL_SIZE = 6;
    /** A step whose loss exceeds this many times the running average is undone, as a NaN is. */
    public static final double EXPLOSION_FACTOR = 1000;

    private final ShapesWorld train;
    private final ShapesWorld heldOut;
    private final List<Sample> panelSamples;
    private java.util.function.UnaryOperator<MultiDataSet> batchFilter = java.util.function.UnaryOperator.identity();
    /** Null for a plain run; else only the decoder trains, on {@link #codec}'s decode path. */
    private final DecoderTuning tuning;
    private final LatentCodec codec;
    private java.util.function.Supplier<Map<String, Double>> extraEval = Map::of;

    private UnifiedTraining(UnifiedModel model, TrainSettings settings, LossHistory history) {
        this(model, settings, history, null, null);
    }

    /** A run that trains the decoder alone (see {@link DecoderTuning#start}), or a plain one where tuning is null. */
    UnifiedTraining(UnifiedModel model, TrainSettings settings, LossHistory history, DecoderTuning tuning, LatentCodec codec) {
        super(model, settings, history, (m, schedule) -> trainer(m, schedule, tuning));
        this.tuning = tuning;
        this.codec = codec;
        this.train = new ShapesWorld(dataSpec(settings.seed(), model.config().imageSize()));
        this.heldOut = new ShapesWorld(dataSpec(settings.seed() + HELDOUT_SEED_OFFSET, model.config().imageSize()));
        this.trainer.guardExplosions(EXPLOSION_FACTOR);
        this.panelSamples = heldOut.samples(0, PANEL_SIZE);
    }

    /** The fast path's hand-written backward pass, or SameDiff's graph with -Dreflectlab.fastpath=false. */
    private static StepTrainer trainer(UnifiedModel model, WarmupCosine schedule, DecoderTuning tuning) {
        if (FastPath.enabled()) {
            UnifiedNet backprop = UnifiedNet.training(model);
            if (tuning != null) {
                return new FastTrainer(model.params(), backprop.grads(), backprop::decoderStep,
                        Map.of(UnifiedModel.LOSS_RECON, model.lossWeights().get(UnifiedModel.LOSS_RECON)), schedule,
                        DecoderTuning::trainable);
            }
            return new FastTrainer(model.params(), backprop.grads(), backprop::step, model.lossWeights(), schedule);
        }
        if (tuning != null) {
            throw new IllegalArgumentException("tuning the decoder alone needs the fast path (drop -Dreflectlab.fastpath=false)");
        }
        return new SdTrainer(model.trainingGraph(), model.params(), model.features(), UnifiedModel.LOSS,
                model.lossWeights(), schedule);
    }

    public static UnifiedTraining fresh(UnifiedConfig config, TrainSettings settings) {
        return new UnifiedTraining(UnifiedModel.create(config, settings.seed()), settings,
                new LossHistory(UnifiedModel.LOSS_COMPONENTS));
    }

    /** The first n held-out samples and their renders (never in the training stream). */
    public List<Sample> heldOutSamples(int n) {
        return heldOut.samples(0, n);
    }

    public RgbImage renderHeldOut(Sample s) {
        return heldOut.render(s.scene());
    }

    /** The run's decoder tuning, or null for a plain run. */
    public DecoderTuning tuning() {
        return tuning;
    }

    /** The generator's decode path this run trains on (null for a plain run). */
    public LatentCodec codec() {
        return codec;
    }

    /** Measures merged into every evaluation (e.g. what the pixel reader keeps on the decode path). */
    public void extraEvaluation(java.util.function.Supplier<Map<String, Double>> more) {
        this.extraEval = more;
    }

    static DataSpec dataSpec(long seed, int imageSize) {
        return new DataSpec(seed, imageSize, DataSpec.defaults(seed).categories());
    }

    /** Multiplies the learning-rate schedule from the next step on (e.g. 1/3 after a NaN). */
    public void scaleLearningRate(double factor) {
        schedule.setScale(schedule.scale() * factor);
    }

    public double learningRate() {
        return trainer.learningRate();
    }

    /** The running average of accepted losses (what an explosion is measured against). */
    public double runningLoss() {
        return trainer.runningLoss();
    }

    /** Copies of the optimizer's state (Adam's moments), e.g. to compare with a later one. */
    public Map<String, INDArray> optimizerState() {
        return trainer.saveState();
    }

    /** For tests: every batch passes through this first (e.g. to make one of them NaN). */
    public void filterBatches(java.util.function.UnaryOperator<MultiDataSet> filter) {
        this.batchFilter = filter;
    }

    /** The next batch of the training stream, as the graph's placeholders. */
    public MultiDataSet nextBatch() {
        long first = completedSteps() * settings.batchSize();
        List<Sample> samples = train.samples(first, settings.batchSize());
        MultiDataSet batch = batchOf(samples, train);
        if (model.config().noisyLatent()) {
            // fresh noise per step, seeded by the step: a resumed run sees the noise an uninterrupted one would
            INDArray noise = latentNoise(samples.size(), completedSteps());
            batch.getFeatures()[UnifiedModel.FEATURES.size()] = tuning == null ? noise
                    : tuning.offsets(model, codec, samples.stream().map(x -> train.render(x.scene())).toList(), noise,
                            ShapesWorld.random(settings.seed() ^ 0xdec0_de7aL, completedSteps()));
        }
        return batchFilter.apply(batch);
    }

    private INDArray latentNoise(int n, long step) {
        int l = model.config().latent();
        java.util.SplittableRandom r = ShapesWorld.random(settings.seed() ^ 0x5eed_1a7eL, step);
        float sigma = (float) model.config().latentNoise();
        float[] noise = new float[n * l];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (org.reflectlab.core.nn.Params.gaussian(r) * sigma);
        }
        return org.nd4j.linalg.factory.Nd4j.create(noise, new long[] {n, l}, 'c');
    }


    private MultiDataSet batchOf(List<Sample> samples, ShapesWorld world) {
        List<RgbImage> images = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (Sample s : samples) {
            images.add(world.render(s.scene()));
            captions.add(s.description());
        }
        Map<String, INDArray> in = model.inputs(images, captions);
        INDArray[] features = model.features().stream().map(in::get).toArray(INDArray[]::new);
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    public StepResult step(MultiDataSet batch) {
        StepResult r = trainer.step(batch);
        if (!r.nonFinite()) {
            history.add(r);
        }
        return r;
    }

    public StepResult trainStep() {
        return step(nextBatch());
    }

    public Map<String, Double> evaluate() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(UnifiedEval.HELDOUT_LOSS, heldOutLoss());
        m.putAll(UnifiedEval.evaluate(model, heldOut, settings.evalSize(), Math.min(128, settings.evalSize())));
        m.putAll(extraEval.get());
        history.addEval(completedSteps(), m);
        return m;
    }

    /**
     * Why these weights must not be saved, or null: a weight that is not finite, or an output on
     * held-out data that is not (a loss component of the held-out batch is NaN or infinite).
     */
    public String nonFiniteProblem() {
        if (model.params().hasNonFinite()) {
            return "some weights are not finite (NaN or infinite)";
        }
        for (Map.Entry<String, Double> e : heldOutComponents().entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return "its outputs on held-out data are not finite (the " + e.getKey().replace('_', ' ') + " is "
                        + e.getValue() + ")";
            }
        }
        return null;
    }

    /** The training loss on a held-out batch (no update): the curve that shows over-fitting. */
    private double heldOutLoss() {
        double total = 0;
        for (Map.Entry<String, Double> c : heldOutComponents().entrySet()) {
            total += model.lossWeights().get(c.getKey()) * c.getValue();
        }
        return total;
    }

    /** Each loss component on a held-out batch. */
    private Map<String, Double> heldOutComponents() {
        int n = Math.min(settings.batchSize(), settings.evalSize());
        MultiDataSet batch = batchOf(heldOut.samples(0, n), heldOut);
        Map<String, INDArray> in = new java.util.HashMap<>();
        for (int i = 0; i < model.features().size(); i++) {
            in.put(model.features().get(i), batch.getFeatures(i));
        }
        Map<String, INDArray> out = model.trainingGraph().output(in, UnifiedModel.LOSS_COMPONENTS.toArray(new String[0]));
        Map<String, Double> components = new LinkedHashMap<>();
        for (String c : model.lossWeights().keySet()) {
            components.put(c, out.get(c).getDouble(0));
        }
        return components;
    }

    public SamplePanel samples() {
        List<RgbImage> inputs = new ArrayList<>();
        List<Caption> truth = new ArrayList<>();
        for (Sample s : panelSamples) {
            inputs.add(heldOut.render(s.scene()));
            truth.add(s.description());
        }
        INDArray zi = model.imageLatents(inputs);
        List<RgbImage> recon = model.decodeImages(zi);
        List<String> read = model.decodeCaptions(zi);
        List<RgbImage> gen = model.generate(truth);
        return new SamplePanel(completedSteps(), inputs, recon, read, truth.stream().map(Caption::text).toList(), gen);
    }

    // Checkpoints //

    /**
     * Saves weights (and, for a checkpoint, optimizer state and history) with a manifest that
     * says how to reproduce them.
     */
    public Manifest save(ModelStore store, String name, String command, boolean withOptimizer) throws ModelStoreException {
        String problem = nonFiniteProblem();
        if (problem != null) {
            throw new ModelStoreException(ModelStoreException.Reason.NOT_FINITE, "Not saved as '" + name + "': " + problem
                    + ". Training diverged; a model saved earlier under that name is unchanged.");
        }
        List<ModelStore.NewFile> files = new ArrayList<>();
        Map<String, INDArray> weights = model.params().arrays();
        files.add(NetworkIO.paramsFile("weights", weights));
        if (withOptimizer) {
            Map<String, INDArray> opt = trainer.saveState();
            files.add(NetworkIO.paramsFile("optimizer", opt));
            files.add(new ModelStore.NewFile("history", "history", "csv", history::writeCsv));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", model.config().toMap());
        config.put("training", settings.toMap());
        if (tuning != null) {
            config.put("decoderTuning", tuning.toMap());
        }
        config.put("completedSteps", completedSteps());
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("parameters", model.params().count());
        network.put("summary", summary(model.config()));
        network.put("forwardMatmulFlopsPerSample", model.forwardFlopsPerSample());
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<Long, Map<String, Double>> evals = history.evals();
        if (!evals.isEmpty()) {
            Map.Entry<Long, Map<String, Double>> last = ((java.util.TreeMap<Long, Map<String, Double>>) evals).lastEntry();
            metrics.put("step", last.getKey());
            metrics.put("heldOutSamples", settings.evalSize());
            metrics.putAll(last.getValue());
        }
        Map<String, Object> data = new LinkedHashMap<>(train.spec().toMap());
        data.put("captions", "description (every object's size, color, shape, place)");
        data.put("heldOutSeed", heldOut.spec().seed());
        return store.save(name, files, new ModelDescription(UnifiedModel.KIND, command, settings.seed(), data, config,
                network, metrics));
    }

    /** Resumes a run saved with its optimizer state; the model's settings come from the manifest. */
    public static UnifiedTraining resume(ModelStore store, String name) throws ModelStoreException {
        Manifest m = store.verify(name);
        UnifiedModel model = UnifiedModelIO.load(store, name, m);
        TrainSettings settings = settingsOf(m);
        LossHistory history = new LossHistory(UnifiedModel.LOSS_COMPONENTS);
        if (m.fileFor("history").isPresent()) {
            history = store.load(name, "history", p -> LossHistory.readCsv(p, UnifiedModel.LOSS_COMPONENTS));
        }
        DecoderTuning tuning = DecoderTuning.fromMap(m.config().get("decoderTuning"));
        UnifiedTraining t = tuning == null ? new UnifiedTraining(model, settings, history)
                : tuning.resume(model, settings, history, store);
        long completed = ((Number) m.config().getOrDefault("completedSteps", 0)).longValue();
        Map<String, INDArray> opt = m.fileFor("optimizer").isPresent()
                ? store.load(name, "optimizer", NetworkIO::readParams) : Map.of();
        t.trainer.loadState(opt, completed);
        return t;
    }

    /**
     * A new run that starts from a saved model's weights (e.g. the shipped one): the architecture
     * from its manifest, a fresh optimizer and schedule from these settings, an empty history.
     */
    public static UnifiedTraining continueFrom(ModelStore store, String name, TrainSettings settings) throws ModelStoreException {
        Manifest m = store.verify(name);
        return new UnifiedTraining(UnifiedModelIO.load(store, name, m), settings, new LossHistory(UnifiedModel.LOSS_COMPONENTS));
    }

    @SuppressWarnings("unchecked")
    static TrainSettings settingsOf(Manifest m) throws ModelStoreException {
        Object training = m.config().get("training");
        if (!(training instanceof Map<?, ?> map)) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + m.name() + "' has no training settings in its manifest, so it cannot be resumed.");
        }
        try {
            return TrainSettings.fromMap((Map<String, Object>) map);
        } catch (RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + m.name() + "' has unreadable training settings: " + e.getMessage(), e);
        }
    }

    static String summary(UnifiedConfig c) {
        String latent = c.spatial() ? String.format("spatial %dx%d-d latent grid", c.imageTokens(), c.latentChannels())
                : String.format("shared %d-d latent", c.latent());
        String decoder = c.attentionDecoder()
                ? String.format("transformer image decoder over the patch grid (%s%d blocks)",
                        c.spatial() ? "" : c.decoderChannels() + " numbers per patch, ", c.decoderDepth())
                : String.format("per-position MLP image decoder (%d hidden layers of %d)", c.decoderDepth(), 2 * c.width());
        return String.format("ViT image encoder (%d patches of %dx%d px, %d blocks) + text encoder (%d blocks), width %d, "
                        + "%d heads, position-aware readouts -> %s%s -> %s + parallel caption decoder (%d blocks)",
                c.imageTokens(), c.patch(), c.patch(), c.imageDepth(), c.textDepth(), c.width(), c.heads(), latent,
                c.noisyLatent() ? " (tanh-bounded, noise " + c.latentNoise() + " in training)" : "", decoder, c.captionDepth());
    }
}
