package org.reflectlab.core.reflect;

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
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.GeneratorNet;
import org.reflectlab.core.nn.generator.GeneratorConfig;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelDescription;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.FastTrainer;
import org.reflectlab.core.train.SdTrainer;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.StepTrainer;
import org.reflectlab.core.train.WarmupCosine;

/**
 * Trains the generator by flow matching in the unified model's latent space. What each example
 * holds (a prompt, optional context pairs, the latent to draw) comes from a {@link Examples}
 * source: {@link RenderExamples} (true renders, the base stage) or {@link PoolExamples} (the
 * base generator's own samples, the reflection stage, as Reflect-DiT trains).
 */
public final class GeneratorTraining {

    /** The conditions of one batch and the whitened latents [n, latent] to draw for them. */
    public record Examples(List<Generator.Condition> conditions, INDArray targets) {
    }

    /** Where training examples come from: batch {@code index} of a stream seeded by {@code streamSeed}. */
    public interface ExampleSource {
        Examples batch(long index, long streamSeed, int size);

        /** What the manifest's "data" says about these examples. */
        Map<String, Object> describe();
    }

    private final Generator generator;
    private final LatentCodec codec;
    private final ExampleSource source;
    private final StepTrainer trainer;
    private final long seed;
    private final int batch;
    private final int steps;
    private final String unifiedRef;
    private final Map<String, Object> training = new LinkedHashMap<>();

    /** A fresh generator: fits the latent projection, then trains from random weights. */
    public static GeneratorTraining fresh(GeneratorConfig cfg, UnifiedModel unified, String unifiedRef, long seed, int batch,
                                          int steps, double lr, double contextRate) {
        Params params = new Params(seed);
        LatentCodec.fitStatistics(unified, new ShapesWorld(DataSpec.defaults(seed + 17)), 2048, cfg.latent(), params);
        Generator g = new Generator(cfg, params);
        LatentCodec codec = new LatentCodec(unified, params);
        return new GeneratorTraining(g, codec, new RenderExamples(codec, cfg, contextRate), unifiedRef, seed, batch, steps, lr);
    }

    /**
     * Continues from a trained generator's weights (and its latent projection), with a new
     * configuration whose added parts (e.g. the text guide) start as no-ops.
     */
    public static Generator continueFrom(Generator from, GeneratorConfig cfg, long seed) {
        Params params = new Params(seed);
        params.putAll(from.params().snapshot());
        return new Generator(cfg, params);
    }

    public GeneratorTraining(Generator generator, LatentCodec codec, ExampleSource source, String unifiedRef, long seed,
                             int batch, int steps, double lr) {
        this.generator = generator;
        this.codec = codec;
        this.source = source;
        this.seed = seed;
        this.batch = batch;
        this.steps = steps;
        this.unifiedRef = unifiedRef;
        if (generator.config().textGuide()) {
            generator.useGuide(codec);
        }
        training.put("steps", steps);
        training.put("batchSize", batch);
        training.put("seed", seed);
        training.put("lr", lr);
        training.put("objective", "rectified flow matching on whitened principal components of unified-model image latents");
        WarmupCosine schedule = new WarmupCosine(lr, Math.min(200, steps / 10), steps, 0.05);
        if (FastPath.enabled()) {
            GeneratorNet backprop = GeneratorNet.training(generator);
            this.trainer = new FastTrainer(generator.params(), backprop.grads(), backprop::step,
                    Map.of(Generator.LOSS_FLOW, 1.0), schedule);
        } else {
            this.trainer = new SdTrainer(generator.graph(), generator.params(), generator.features(), Generator.LOSS,
                    Map.of(Generator.LOSS_FLOW, 1.0), schedule);
        }
    }

    /** Extra facts for the manifest's training section (e.g. what the run continued from). */
    public GeneratorTraining note(String key, Object value) {
        training.put(key, value);
        return this;
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
        List<String> features = generator.features();
        for (int i = 0; i < features.size(); i++) {
            in.put(features.get(i), b.getFeatures(i));
        }
        return generator.graph().output(in, Generator.LOSS_FLOW).get(Generator.LOSS_FLOW).getDouble(0);
    }

    private MultiDataSet batch(long index, long streamSeed) {
        Examples ex = source.batch(index, streamSeed, batch);
        return flowBatch(generator, ex, ShapesWorld.random(streamSeed ^ 0x2545F4914F6CDD1DL, index));
    }

    /** Noise, a random time and the straight-line velocity target for each example. */
    public static MultiDataSet flowBatch(Generator generator, Examples ex, SplittableRandom r) {
        int n = ex.conditions().size();
        INDArray x1 = ex.targets();
        INDArray x0 = Generator.noise(n, generator.config().latent(), r.nextLong());
        double[] t = new double[n];
        float[] tf = new float[n];
        double t0 = generator.config().guideStart(); // sampling never visits earlier times
        for (int i = 0; i < n; i++) {
            t[i] = t0 + (1 - t0) * r.nextDouble();
            tf[i] = (float) t[i];
        }
        INDArray tCol = Nd4j.create(tf, new long[] {n, 1}, 'c');
        INDArray xt = x0.mul(tCol.rsub(1.0)).addi(x1.mul(tCol));
        Map<String, INDArray> in = generator.inputs(ex.conditions(), xt, t);
        in.put("v_target", generator.flowTarget(x0, x1));
        INDArray[] features = generator.features().stream().map(in::get).toArray(INDArray[]::new);
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    /**
     * Two sources in one batch, a fixed share from the second: the reflection stage keeps some plain
     * prompt -> true render examples so the base's drawing of every prompt form is not forgotten
     * while it learns from the pool (whose prompts are, by construction, not the evaluation's).
     */
    public static final class MixedExamples implements ExampleSource {
        private final ExampleSource main;
        private final ExampleSource other;
        private final double otherShare;

        public MixedExamples(ExampleSource main, ExampleSource other, double otherShare) {
            this.main = main;
            this.other = other;
            this.otherShare = otherShare;
        }

        @Override
        public Examples batch(long index, long streamSeed, int size) {
            int n = (int) Math.round(size * otherShare);
            if (n == 0) {
                return main.batch(index, streamSeed, size);
            }
            Examples a = main.batch(index, streamSeed, size - n);
            Examples b = other.batch(index, streamSeed ^ 0x5851F42D4C957F2DL, n);
            List<Generator.Condition> conds = new ArrayList<>(a.conditions());
            conds.addAll(b.conditions());
            return new Examples(conds, Nd4j.concat(0, a.targets(), b.targets()));
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>(main.describe());
            d.put("mixedIn", Map.of("share", otherShare, "examples", other.describe()));
            return d;
        }
    }

    /**
     * True renders of scenes that satisfy random prompts. With probability {@code contextRate} an
     * example also gets 1-3 context pairs made by breaking the target scene ({@link Flaws}); that
     * was this project's first reflection data, and it taught the generator to copy its context
     * (the context differs from the target in one attribute), so reflection now trains on
     * {@link PoolExamples}. The base stage uses rate 0.
     */
    public static final class RenderExamples implements ExampleSource {
        private final LatentCodec codec;
        private final GeneratorConfig cfg;
        private final double contextRate;

        public RenderExamples(LatentCodec codec, GeneratorConfig cfg, double contextRate) {
            this.codec = codec;
            this.cfg = cfg;
            this.contextRate = contextRate;
        }

        @Override
        public Examples batch(long index, long streamSeed, int size) {
            SplittableRandom r = ShapesWorld.random(streamSeed, index);
            List<Caption> prompts = new ArrayList<>();
            List<RgbImage> targets = new ArrayList<>();
            List<List<List<String>>> feedback = new ArrayList<>();
            List<RgbImage> contextImages = new ArrayList<>();
            boolean[] uncond = new boolean[size];
            for (int i = 0; i < size; i++) {
                uncond[i] = r.nextDouble() < 0.1;
                Caption prompt = prompt(r);
                Scene good = SceneSampler.realize(prompt, r).orElseThrow();
                prompts.add(prompt);
                targets.add(SceneRenderer.render(good, 32));
                List<List<String>> fb = new ArrayList<>();
                if (r.nextDouble() < contextRate) {
                    int k = 1 + r.nextInt(cfg.contextPairs());
                    for (int j = 0; j < k; j++) {
                        Optional<Scene> f = Flaws.corrupt(prompt, good, r);
                        if (f.isEmpty()) {
                            break;
                        }
                        fb.add(Feedback.sentences(prompt, f.get().objects()));
                        contextImages.add(SceneRenderer.render(f.get(), 32));
                    }
                }
                feedback.add(fb);
            }
            INDArray x1 = codec.encode(targets);
            INDArray ctx = contextImages.isEmpty() ? null : codec.encode(contextImages);
            List<Generator.Condition> conds = new ArrayList<>();
            int c = 0;
            for (int i = 0; i < size; i++) {
                List<Generator.ContextPair> pairs = new ArrayList<>();
                for (List<String> fb : feedback.get(i)) {
                    pairs.add(new Generator.ContextPair(ctx.getRow(c++).dup(), fb));
                }
                // One in ten unconditional, so classifier-free guidance has a v_uncond to push away from.
                conds.add(new Generator.Condition(prompts.get(i), uncond[i] ? List.of() : pairs, uncond[i]));
            }
            return new Examples(conds, x1);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("prompts", "GenEval-style captions of the six categories, drawn with SceneSampler.randomCaption");
            data.put("targets", "ShapesWorld renders (32x32) of scenes that satisfy the prompt");
            data.put("contextRate", contextRate);
            if (contextRate > 0) {
                data.put("context", "1-3 renders of the target broken by Flaws.corrupt, with Feedback.sentences about them");
            }
            return data;
        }
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
        ModelStoreException.requireFinite(name, generator.params().hasNonFinite());
        Map<String, INDArray> weights = generator.params().arrays();
        Map<String, Object> config = new LinkedHashMap<>(generator.config().toMap());
        config.put("unifiedModel", unifiedRef);
        config.put("training", training);
        Map<String, Object> data = new LinkedHashMap<>(source.describe());
        data.put("seed", seed);
        Map<String, Object> network = Map.of("parameters", generator.params().count(), "sequenceLength",
                generator.sequenceLength(), "forwardMatmulFlopsPerNfe", generator.forwardFlops());
        return store.save(name, List.of(NetworkIO.paramsFile("weights", weights)), new ModelDescription(Generator.KIND, command, seed, data, config, network, metrics));
    }



}
