package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.GeneratorConfig;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.GeneratorTraining;
import org.reflectlab.core.reflect.PoolExamples;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.SamplePool;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelOutput;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.UnifiedModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generator", mixinStandardHelpOptions = true,
        description = {"Train the Reflect-DiT generator: a latent diffusion transformer over the unified model's image latent,",
            "conditioned on the prompt and on up to 3 previous (image, feedback) pairs."})
final class TrainGeneratorCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "3", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--steps", defaultValue = "6000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "0.001", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--context-rate", defaultValue = "0.5", description = "Share of examples with reflection context (default: ${DEFAULT-VALUE}).")
    double contextRate;
    @Option(names = "--width", defaultValue = "96", description = "Transformer width (default: ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--depth", defaultValue = "4", description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
    int depth;
    @Option(names = "--components", description = "Whitened principal components of the unified latent the generator draws "
            + "(default: 32 for a vector latent; for a spatial latent the whole grid as 2x2 latent patches unless this is given).")
    Integer components;
    /** Measured on the vector latent: 32 components carry what its decoder draws. */
    private static final int VECTOR_COMPONENTS = 32;
    @Mixin
    ModelsFolder models;
    @Option(names = "--out", defaultValue = "generator", description = "Model name (default: ${DEFAULT-VALUE}).")
    String out;
    @Option(names = "--init", description = "Continue from this trained generator (its weights and latent projection) instead of random weights.")
    String init;
    @Option(names = "--text-guide", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Read the frozen unified text encoder's latent of the prompt (default: ${DEFAULT-VALUE}).")
    boolean textGuide;
    @Option(names = "--guide-start", description = "Sample from (1 - t0) noise + t0 text guide at time t0 instead of from noise "
            + "at 0, and train on times from t0 on (0: from noise; with --init the default is the base generator's).")
    Double guideStart;
    @Option(names = "--predict", defaultValue = "velocity", description = "What the network outputs: velocity (x1 - x0) "
            + "or data (the clean latent x1, turned into a velocity when sampling; a new generator only). Default: ${DEFAULT-VALUE}.")
    String predict;
    @Option(names = "--pool", description = "Reflection stage: train on this pool of the base generator's own samples (see `pool`).")
    Path pool;
    @Option(names = "--no-context", description = "With --pool: the SFT control, the pool's correct samples without any context.")
    boolean noContext;
    @Option(names = "--render-share", defaultValue = "0.25", description = "With --pool: share of each batch that is plain prompt -> true render (default: ${DEFAULT-VALUE}).")
    double renderShare;
    @Option(names = "--context-drop", defaultValue = "0.3", description = "With --pool: share of examples whose context is dropped (default: ${DEFAULT-VALUE}).")
    double contextDrop;
    @Option(names = "--pool-target", defaultValue = "random", description = "With --pool: the correct sample an example with "
            + "context learns to draw: random (any, as Reflect-DiT pairs them) or nearest (the one closest to the last context "
            + "image, the smallest repair the pool holds). Default: ${DEFAULT-VALUE}.")
    String poolTarget;

    private String guideArg() {
        return guideStart != null ? " --guide-start " + guideStart : "";
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!Outputs.plainName(spec.commandLine().getErr(), "--out", out)) {
            return Cli.BAD_INPUT;
        }
        Backend.start();
        ModelStore store = models.store();
        if (contextRate < 0 || contextRate > 1 || steps < 1 || batch < 2) {
            spec.commandLine().getErr().println("error: --context-rate must be 0..1, --steps >= 1, --batch >= 2");
            return Cli.BAD_INPUT;
        }
        UnifiedModel unified = UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
        String ref = store.ref(UnifiedModelIO.DEFAULT_NAME);
        GeneratorTraining t;
        String command;
        if (init == null) {
            boolean wholeGrid = unified.config().spatial() && components == null;
            int k = components != null ? components : VECTOR_COMPONENTS;
            if (!wholeGrid && (k < 8 || k > unified.config().latent())) {
                spec.commandLine().getErr().println("error: --components must be 8.." + unified.config().latent() + ", not " + k);
                return Cli.BAD_INPUT;
            }
            GeneratorConfig cfg = wholeGrid
                    ? GeneratorConfig.spatial(unified.config().latent(), unified.config().latentChannels(), width, depth, textGuide)
                    : new GeneratorConfig(k, 4, 2, 3, width, depth, 4, textGuide);
            if (guideStart != null && guideStart > 0) {
                cfg = cfg.withGuideStart(guideStart);
            }
            if (!predict.equals("velocity") && !predict.equals("data")) {
                spec.commandLine().getErr().println("error: --predict must be velocity or data, not '" + predict + "'");
                return Cli.BAD_INPUT;
            }
            cfg = cfg.withDataPrediction(predict.equals("data"));
            t = GeneratorTraining.fresh(cfg, unified, ref, seed, batch, steps, lr, contextRate);
            command = String.format(Locale.ROOT, "reflectlab train generator --seed %d --steps %d --batch %d --lr %s "
                    + "--context-rate %s --width %d --depth %d%s%s --out %s", seed, steps, batch, lr, contextRate, width,
                    depth, (wholeGrid ? "" : " --components " + k) + guideArg()
                            + (cfg.predictsData() ? " --predict data" : ""), textGuide ? "" : " --no-text-guide", out);
        } else {
            Generator from = NetworkIO.load(store, init, Generator.NETWORK);
            GeneratorConfig continued = from.config().withTextGuide(textGuide || from.config().textGuide());
            if (guideStart != null) {
                continued = continued.withGuideStart(guideStart);
            }
            Generator g = GeneratorTraining.continueFrom(from, continued, seed);
            LatentCodec codec = new LatentCodec(unified, g.params());
            GeneratorTraining.ExampleSource source;
            String poolSha = null;
            if (pool != null) {
                if (contextDrop < 0 || contextDrop > 1) {
                    spec.commandLine().getErr().println("error: --context-drop must be 0..1");
                    return Cli.BAD_INPUT;
                }
                if (renderShare < 0 || renderShare >= 1) {
                    spec.commandLine().getErr().println("error: --render-share must be 0 to below 1");
                    return Cli.BAD_INPUT;
                }
                if (!java.nio.file.Files.isRegularFile(pool)) {
                    spec.commandLine().getErr().println("error: no sample pool at " + pool + "; build one with: reflectlab pool --out " + pool);
                    return Cli.BAD_INPUT;
                }
                SamplePool p = SamplePool.read(pool);
                if (p.entries().isEmpty()) {
                    spec.commandLine().getErr().println("error: the sample pool " + pool + " holds no samples");
                    return Cli.BAD_INPUT;
                }
                String sha = org.reflectlab.core.store.ModelStore.sha256(pool);
                if (!poolTarget.equals("random") && !poolTarget.equals("nearest")) {
                    spec.commandLine().getErr().println("error: --pool-target must be random or nearest, not '" + poolTarget + "'");
                    return Cli.BAD_INPUT;
                }
                PoolExamples.Target target = poolTarget.equals("nearest") ? PoolExamples.Target.NEAREST : PoolExamples.Target.RANDOM;
                source = new GeneratorTraining.MixedExamples(new PoolExamples(p, codec, noContext ? 1.0 : contextDrop, 0.1, target),
                        new GeneratorTraining.RenderExamples(codec, g.config(), 0.0), renderShare);
                o.printf("# pool %s (sha256 %s): %s%n", pool, sha.substring(0, 12), p.summary());
                poolSha = sha;
            } else {
                source = new GeneratorTraining.RenderExamples(codec, g.config(), contextRate);
            }
            t = new GeneratorTraining(g, codec, source, ref, seed, batch, steps, lr)
                    .note("continuedFrom", store.ref(init));
            if (poolSha != null) {
                t.note("poolSha256", poolSha);
            }
            command = String.format(Locale.ROOT, "reflectlab train generator --init %s%s --seed %d --steps %d --batch %d --lr %s%s --out %s",
                    init, pool != null ? " --pool " + pool + (noContext ? " --no-context" : " --context-drop " + contextDrop
                            + (poolTarget.equals("nearest") ? " --pool-target nearest" : "")) + " --render-share " + renderShare
                            : " --context-rate " + contextRate, seed, steps, batch, lr,
                    guideArg() + (textGuide ? "" : " --no-text-guide"), out);
        }
        o.printf("# generator: %,d parameters, %d tokens per sequence; on %s; %s%n", t.generator().params().count(),
                t.generator().sequenceLength(), ref, command);
        try (ModelOutput output = Outputs.reserve(spec.commandLine().getErr(), store, out, t.generator().params().count() * 4L * 3)) {
            return train(t, output, store, command, o);
        }
    }

    private int train(GeneratorTraining t, ModelOutput output, ModelStore store, String command, PrintWriter o) throws Exception {
        long t0 = System.nanoTime();
        while (!t.finished()) {
            StepResult r = t.step();
            if (r.iteration() % 100 == 0 || t.finished()) {
                double sec = (System.nanoTime() - t0) / 1e9;
                o.printf(Locale.ROOT, "step %6d  flow loss %.4f  lr %.2e  %.2f steps/s%n", r.iteration(), r.loss(),
                        r.learningRate(), r.iteration() / sec);
            }
            if (r.iteration() % 1000 == 0) {
                o.printf(Locale.ROOT, "eval %6d  held-out flow loss %.4f%n", r.iteration(), t.heldOutLoss());
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("heldOutFlowLoss", t.heldOutLoss());
        metrics.put("trainingMinutes", (System.nanoTime() - t0) / 6e10);
        output.save(into -> t.save(into, out, command, metrics), AppPaths.rescueFolders());
        o.printf(Locale.ROOT, "# saved %s; held-out flow loss %.4f; %.1f min. Score it with: reflectlab geneval%n",
                store.dir(out), metrics.get("heldOutFlowLoss"), (double) metrics.get("trainingMinutes"));
        if (!out.equals(ReflectModels.GENERATOR)) {
            o.println("# note: the app and `reflect` load the model named '" + ReflectModels.GENERATOR + "'");
        }
        return 0;
    }
}
