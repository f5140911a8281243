package org.reflectlab.core.reflect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelDescription;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.SdTrainer;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.WarmupCosine;

/**
 * Trains the generator by flow matching in the unified model's latent space. Each example is
 * a GenEval-style prompt and a scene that satisfies it. With probability {@code contextRate} it
 * also gets 1-3 context pairs: the same scene broken in one respect ({@link Flaws}), rendered,
 * with the feedback that names what is broken; the target stays the intact scene, so the
 * network learns to read feedback and fix exactly that. Without context it learns plain
 * prompt-to-image generation (the first reflection iteration).
 */
public final class GeneratorTraining {

    private final Generator generator;
    private final LatentCodec codec;
    private final SdTrainer trainer;
    private final long seed;
    private final int batch;
    private final int steps;
    private final double contextRate;
    private final String unifiedRef;

    public GeneratorTraining(GeneratorConfig cfg, UnifiedModel unified, String unifiedRef, long seed, int batch, int steps,
                             double lr, double contextRate) {
        Params params = new Params(seed);
        LatentCodec.fitStatistics(unified, new ShapesWorld(DataSpec.defaults(seed + 17)), 2048, cfg.latent(), params);
        this.generator = new Generator(cfg, params);
        this.codec = new LatentCodec(unified, params);
        this.seed = seed;
        this.batch = batch;
        this.steps = steps;
        this.contextRate = contextRate;
        this.unifiedRef = unifiedRef;
        this.trainer = new SdTrainer(generator.graph(), params, Generator.FEATURES, Generator.LOSS,
                Map.of(Generator.LOSS_FLOW, 1.0), new WarmupCosine(lr, Math.min(200, steps / 10), steps, 0.05));
    }

    public Generator generator() {
        return generator;
    }

    public LatentCodec codec() {
        return codec;
    }

    public long completedSteps() {
        return trainer.iteration();
    }

    public boolean finished() {
        return completedSteps() >= steps;
    }

    public StepResult step() {
        return trainer.step(batch(completedSteps(), seed));
    }

    /** Flow loss on a held-out batch (another seed), no update. */
    public double heldOutLoss() {
        MultiDataSet b = batch(0, seed + 9_000_011);
        Map<String, INDArray> in = new java.util.HashMap<>();
        for (int i = 0; i < Generator.FEATURES.size(); i++) {
            in.put(Generator.FEATURES.get(i), b.getFeatures(i));
        }
        return generator.graph().output(in, Generator.LOSS_FLOW).get(Generator.LOSS_FLOW).getDouble(0);
    }

    private MultiDataSet batch(long index, long streamSeed) {
        SplittableRandom r = ShapesWorld.random(streamSeed, index);
        List<Caption> prompts = new ArrayList<>();
        List<RgbImage> targets = new ArrayList<>();
        List<List<Scene>> flawed = new ArrayList<>();
        List<List<List<String>>> feedback = new ArrayList<>();
        List<RgbImage> contextImages = new ArrayList<>();
        boolean[] uncond = new boolean[batch];
        for (int i = 0; i < batch; i++) {
            uncond[i] = r.nextDouble() < 0.1;
            Caption prompt = prompt(r);
            Scene good = SceneSampler.realize(prompt, r).orElseThrow();
            prompts.add(prompt);
            targets.add(SceneRenderer.render(good, 32));
            List<Scene> bad = new ArrayList<>();
            List<List<String>> fb = new ArrayList<>();
            if (r.nextDouble() < contextRate) {
                int k = 1 + r.nextInt(generator.config().contextPairs());
                for (int j = 0; j < k; j++) {
                    Optional<Scene> f = Flaws.corrupt(prompt, good, r);
                    if (f.isEmpty()) {
                        break;
                    }
                    bad.add(f.get());
                    fb.add(Feedback.sentences(prompt, f.get().objects()));
                    contextImages.add(SceneRenderer.render(f.get(), 32));
                }
            }
            flawed.add(bad);
            feedback.add(fb);
        }
        INDArray x1 = codec.encode(targets);
        INDArray ctx = contextImages.isEmpty() ? null : codec.encode(contextImages);
        List<Generator.Condition> conds = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < batch; i++) {
            List<Generator.ContextPair> pairs = new ArrayList<>();
            for (int j = 0; j < flawed.get(i).size(); j++) {
                pairs.add(new Generator.ContextPair(ctx.getRow(c++).dup(), feedback.get(i).get(j)));
            }
            // One in ten unconditional, so classifier-free guidance has a v_uncond to push away from.
            boolean drop = uncond[i];
            conds.add(new Generator.Condition(prompts.get(i), drop ? List.of() : pairs, drop));
        }
        INDArray x0 = Generator.noise(batch, generator.config().latent(), r.nextLong());
        double[] t = new double[batch];
        float[] tf = new float[batch];
        for (int i = 0; i < batch; i++) {
            t[i] = r.nextDouble();
            tf[i] = (float) t[i];
        }
        INDArray tCol = Nd4j.create(tf, new long[] {batch, 1}, 'c');
        INDArray xt = x0.mul(tCol.rsub(1.0)).addi(x1.mul(tCol));
        Map<String, INDArray> in = generator.inputs(conds, xt, t);
        in.put("v_target", x1.sub(x0));
        INDArray[] features = Generator.FEATURES.stream().map(in::get).toArray(INDArray[]::new);
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    /**
     * A GenEval-style prompt, and one time in eight a freer one (colors on a position prompt,
     * colored counting, a description of one object) so typed prompts beyond the six templates
     * are not out of distribution.
     */
    static Caption prompt(SplittableRandom r) {
        if (r.nextInt(8) > 0) {
            return SceneSampler.randomCaption(Category.GENEVAL.get(r.nextInt(Category.GENEVAL.size())), r);
        }
        Caption base = SceneSampler.randomCaption(Category.GENEVAL.get(r.nextInt(Category.GENEVAL.size())), r);
        List<org.reflectlab.core.data.Clause> clauses = new ArrayList<>();
        for (org.reflectlab.core.data.Clause c : base.clauses()) {
            org.reflectlab.core.data.ShapeColor color = c.color() != null ? c.color()
                    : org.reflectlab.core.data.ShapeColor.values()[r.nextInt(org.reflectlab.core.data.ShapeColor.values().length)];
            org.reflectlab.core.data.Size size = base.relation() == null && base.clauses().size() == 1 && c.count() == 1 && r.nextBoolean()
                    ? org.reflectlab.core.data.Size.values()[r.nextInt(2)] : null;
            clauses.add(new org.reflectlab.core.data.Clause(c.count(), c.shape(), color, size, null));
        }
        return new Caption(clauses, base.relation());
    }

    public Manifest save(ModelStore store, String name, String command, Map<String, Object> metrics) throws ModelStoreException {
        Map<String, INDArray> weights = generator.params().arrays();
        Map<String, Object> config = new LinkedHashMap<>(generator.config().toMap());
        config.put("unifiedModel", unifiedRef);
        config.put("training", Map.of("steps", steps, "batchSize", batch, "seed", seed, "contextRate", contextRate,
                "objective", "rectified flow matching on standardized unified-model image latents"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prompts", "GenEval-style captions of the six categories, drawn with SceneSampler.randomCaption");
        data.put("targets", "ShapesWorld renders (32x32) of scenes that satisfy the prompt");
        data.put("context", "1-3 renders of the target broken by Flaws.corrupt, with Feedback.sentences about them");
        data.put("seed", seed);
        Map<String, Object> network = Map.of("parameters", generator.params().count(), "sequenceLength",
                generator.sequenceLength(), "forwardMatmulFlopsPerNfe", generator.forwardFlops());
        return store.save(name, List.of(new ModelStore.NewFile("weights", "weights", "bin", p -> {
            try (OutputStream out = Files.newOutputStream(p)) {
                Params.write(weights, out);
            }
        })), new ModelDescription(Generator.KIND, command, seed, data, config, network, metrics));
    }

    @SuppressWarnings("unchecked")
    public static Generator load(ModelStore store, String name) throws ModelStoreException {
        Manifest m = store.verify(name);
        if (!Generator.KIND.equals(m.kind())) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' is a " + m.kind() + ", not a generator.");
        }
        GeneratorConfig cfg;
        try {
            cfg = GeneratorConfig.fromMap((Map<String, Object>) (Map<?, ?>) m.config());
        } catch (RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "Model '" + name + "' has an unreadable configuration: " + e.getMessage(), e);
        }
        Map<String, INDArray> weights = store.load(name, "weights", GeneratorTraining::read);
        Params params = new Params(m.seed() == null ? 0 : m.seed());
        params.putAll(weights);
        try {
            Generator g = new Generator(cfg, params);
            if (params.arrays().size() != weights.size()) {
                throw new IllegalStateException("the weights file lacks parameters the configuration needs");
            }
            params.get(LatentCodec.MEAN);
            return g;
        } catch (RuntimeException e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "Model '" + name + "': the weights do not fit its configuration (" + e.getMessage() + ").", e);
        }
    }

    private static Map<String, INDArray> read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Params.read(in);
        }
    }
}
