package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.world.ImplicitConfig;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelDescription;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.LossHistory;
import org.reflectlab.core.train.SdTrainer;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.TrainingRun;

/**
 * One training run of the implicit world model on windows of the true simulator. Window i of
 * batch k is drawn from its own seeded episode (1-3 balls, random / scripted / no pushes, a
 * random number of frames simulated first so settled balls appear too), so a run is
 * reproducible from its seed. Held-out windows and rollouts come from other seeds.
 */
public final class ImplicitTraining extends TrainingRun<ImplicitModel> {

    public static final long HELDOUT_SEED_OFFSET = 1_000_003;
    /** Longest simulation before a window starts. */
    public static final int MAX_LEAD_IN = 240;
    public static final String STEP_MSE = "heldout_step_mse";
    public static final String COPY_MSE = "heldout_copy_last_frame_mse";
    public static final String RECON_MSE = "heldout_recon_mse";

    private final PhysicsParams physics;
    private final MultiDataSet heldOut;
    private double seconds;

    public ImplicitTraining(ImplicitModel model, TrainSettings settings, PhysicsParams physics) {
        super(model, settings, new LossHistory(model.lossComponents()), (m, schedule) -> new SdTrainer(m.trainingGraph(), m.params(),
                m.features(), ImplicitModel.LOSS, m.lossWeights(), schedule));
        this.physics = physics;
        this.heldOut = batch(settings.seed() + HELDOUT_SEED_OFFSET, 0, settings.evalSize());
    }

    public static ImplicitTraining fresh(ImplicitConfig config, TrainSettings settings, PhysicsParams physics) {
        return new ImplicitTraining(ImplicitModel.create(config, settings.seed()), settings, physics);
    }

    public StepResult trainStep() {
        long t0 = System.nanoTime();
        StepResult r = trainer.step(batch(settings.seed(), completedSteps(), settings.batchSize()));
        seconds += (System.nanoTime() - t0) / 1e9;
        if (!r.nonFinite()) {
            history.add(r);
        }
        return r;
    }

    /** Seconds spent in training steps (data generation included), not in evaluation. */
    public double trainingSeconds() {
        return seconds;
    }

    /** Held-out one-step and reconstruction error, with the copy-the-last-frame baseline beside them. */
    public Map<String, Double> evaluate() {
        Map<String, INDArray> in = new java.util.HashMap<>();
        List<String> names = model.features();
        for (int i = 0; i < names.size(); i++) {
            in.put(names.get(i), heldOut.getFeatures(i));
        }
        Map<String, INDArray> out = model.trainingGraph().output(in, ImplicitModel.LOSS_STEP, ImplicitModel.LOSS_RECON);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(STEP_MSE, out.get(ImplicitModel.LOSS_STEP).getDouble(0));
        m.put(RECON_MSE, out.get(ImplicitModel.LOSS_RECON).getDouble(0));
        double copy = heldOut.getFeatures(1).distance2(heldOut.getFeatures(2));
        m.put(COPY_MSE, copy * copy / heldOut.getFeatures(1).length());
        history.addEval(completedSteps(), m);
        return m;
    }

    /** A batch of n training windows, all determined by (seed, batch index). */
    public MultiDataSet batch(long seed, long index, int n) {
        int k = model.config().unroll();
        int size = model.config().frameSize();
        List<List<RgbImage>> frames = new ArrayList<>();
        for (int j = 0; j < k + 2; j++) {
            frames.add(new ArrayList<>(n));
        }
        double[][][] actions = new double[k + 1][n][];
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + i);
            int balls = 1 + r.nextInt(3);
            double u = r.nextDouble();
            ActionScript script = u < 0.6 ? ActionScript.RANDOM : u < 0.8 ? ActionScript.SCRIPTED : ActionScript.NONE;
            int lead = r.nextInt(MAX_LEAD_IN + 1);
            double[][] acts = script.generate(r.nextLong(Long.MAX_VALUE), lead + k + 2);
            Episode e = Episode.simulate(Episode.randomState(balls, r), physics, acts, lead + k + 2);
            for (int j = 0; j < k + 2; j++) {
                frames.get(j).add(FrameRenderer.render(e.state(lead + j), size));
            }
            for (int j = 0; j <= k; j++) {
                actions[j][i] = acts[lead + j];
            }
        }
        INDArray[] features = new INDArray[2 * k + 3];
        for (int j = 0; j < k + 2; j++) {
            features[j] = model.patches(frames.get(j));
        }
        for (int j = 0; j <= k; j++) {
            features[k + 2 + j] = ImplicitModel.actions(actions[j]);
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    /** Mean per-frame error of implicit rollouts on held-out episodes (the number the workspace shows). */
    public double rolloutError(int episodes, int horizon, int balls) {
        List<RgbImage[]> contexts = new ArrayList<>();
        List<double[][]> actions = new ArrayList<>();
        List<List<RgbImage>> truth = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            WorldSpec spec = new WorldSpec(settings.seed() + HELDOUT_SEED_OFFSET + i, balls, model.config().frameSize(),
                    horizon, ActionScript.RANDOM, physics);
            Episode e = Episode.of(spec);
            List<RgbImage> f = e.states().stream().map(s -> FrameRenderer.render(s, spec.frameSize())).toList();
            contexts.add(new RgbImage[] {f.get(0), f.get(1)});
            actions.add(e.actions());
            truth.add(f.subList(1, f.size()));
        }
        List<List<RgbImage>> predicted = ImplicitRollouts.run(model, contexts, actions, horizon, () -> { });
        double sum = 0;
        for (int i = 0; i < episodes; i++) {
            for (int k = 1; k <= horizon; k++) {
                sum += RolloutMetrics.mse(predicted.get(i).get(k), truth.get(i).get(k));
            }
        }
        return sum / (episodes * (double) horizon);
    }

    /** Saves weights and loss history with a manifest that says how to reproduce them. */
    public Manifest save(ModelStore store, String name, String command, Map<String, Object> extraMetrics)
            throws ModelStoreException {
        ModelStoreException.requireFinite(name, model.params().hasNonFinite());
        List<ModelStore.NewFile> files = new ArrayList<>();
        Map<String, INDArray> weights = model.params().arrays();
        files.add(org.reflectlab.core.nn.NetworkIO.paramsFile("weights", weights));
        files.add(new ModelStore.NewFile("history", "history", "csv", history::writeCsv));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", model.config().toMap());
        config.put("training", settings.toMap());
        config.put("completedSteps", completedSteps());
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("parameters", model.params().count());
        network.put("summary", model.summary());
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<Long, Map<String, Double>> evals = history.evals();
        if (!evals.isEmpty()) {
            Map.Entry<Long, Map<String, Double>> last = ((java.util.TreeMap<Long, Map<String, Double>>) evals).lastEntry();
            metrics.put("step", last.getKey());
            metrics.put("heldOutWindows", settings.evalSize());
            metrics.putAll(last.getValue());
        }
        metrics.put("trainingSeconds", Math.round(seconds * 10) / 10.0);
        metrics.putAll(extraMetrics);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", "ball-world simulator, windows of " + (model.config().unroll() + 2) + " frames");
        data.put("balls", "1-3, uniform");
        data.put("actions", "random 60%, scripted 20%, none 20%");
        data.put("leadInFrames", "0-" + MAX_LEAD_IN + " simulated before each window");
        data.put("frameSize", model.config().frameSize());
        data.put("physics", physics.toMap());
        data.put("trainingSeed", settings.seed());
        data.put("heldOutSeed", settings.seed() + HELDOUT_SEED_OFFSET);
        return store.save(name, files, new ModelDescription(ImplicitModel.KIND, command, settings.seed(), data, config,
                network, metrics));
    }
}
