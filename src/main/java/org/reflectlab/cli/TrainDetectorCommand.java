package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.DetectorAudit;
import org.reflectlab.core.reflect.DetectorTraining;
import org.reflectlab.core.reflect.GeneratorTraining;
import org.reflectlab.core.reflect.OutputPath;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.SampleBank;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelOutput;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a scene detector: the critic (gives feedback) or the judge (only scores). */
abstract class TrainDetectorCommand implements Callable<Integer> {

    private static final Path EVALUATION_PROMPTS = Path.of("assets/geneval-lite.json");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--steps", defaultValue = "2500", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--eval-size", defaultValue = "2000", description = "Held-out renders to measure on (default: ${DEFAULT-VALUE}).")
    int evalSize;
    @Mixin
    ModelsFolder models;
    @Option(names = "--output-path", description = "Also train on images from this generator's output path (decoded true scenes, "
            + "latent noise, partial re-generations), labels confirmed by the pixel reader.")
    String outputPath;
    @Option(names = "--generated-rate", defaultValue = "0.75", description = "With --output-path: share of examples sent through it (default: ${DEFAULT-VALUE}).")
    double generatedRate;
    @Option(names = "--sampled-rate", defaultValue = "0", description = "With --output-path: share of examples that are that "
            + "generator's own samples from noise, labelled by the pixel reader (presence, place, colour, size; shape unlabelled) "
            + "(default: ${DEFAULT-VALUE}).")
    double sampledRate;
    @Option(names = "--sampled-prompts", defaultValue = "1500", description = "With --sampled-rate: prompts of those samples, "
            + "drawn as the reflection pool draws them (default: ${DEFAULT-VALUE}).")
    int sampledPrompts;
    @Option(names = "--sampled-seeds", defaultValue = "4", description = "With --sampled-rate: samples per prompt (default: ${DEFAULT-VALUE}).")
    int sampledSeeds;
    @Option(names = "--audit-prompts", defaultValue = "assets/geneval-lite.json",
            description = "With --output-path: prompts whose real samples are audited against the pixel reader (default: ${DEFAULT-VALUE}).")
    Path auditPrompts;

    abstract String role();

    abstract long seed();

    abstract DetectorConfig config();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Backend.start();
        if (steps < 1 || batch < 2 || evalSize < 1) {
            spec.commandLine().getErr().println("error: steps >= 1, batch >= 2 and eval size >= 1 needed");
            return Cli.BAD_INPUT;
        }
        ModelStore store = models.store();
        DetectorTraining t = new DetectorTraining(config(), seed(), batch, steps, lr);
        OutputPath path = null;
        Generator generator = null;
        LatentCodec codec = null;
        if (outputPath != null) {
            if (generatedRate < 0 || generatedRate > 1 || sampledRate < 0 || sampledRate > 1 || sampledPrompts < 1 || sampledSeeds < 1) {
                spec.commandLine().getErr().println("error: --generated-rate and --sampled-rate must be 0..1, --sampled-prompts and"
                        + " --sampled-seeds at least 1");
                return Cli.BAD_INPUT;
            }
            UnifiedModel unified = UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
            generator = NetworkIO.load(store, outputPath, Generator.NETWORK);
            codec = new LatentCodec(unified, generator.params());
            if (generator.config().textGuide()) {
                generator.useGuide(codec);
            }
            path = new OutputPath(codec, generator);
            String ref = store.ref(outputPath);
            t.withOutputPath(path, generatedRate, ref);
            if (sampledRate > 0 && !java.nio.file.Files.exists(EVALUATION_PROMPTS)) {
                spec.commandLine().getErr().println("error: the evaluation prompts " + EVALUATION_PROMPTS
                        + " are missing; the sampled prompts must exclude them");
                return Cli.BAD_INPUT;
            }
            if (sampledRate > 0) {
                t.withSampleBank(sampleBank(generator, codec, o), sampledRate);
            }
        } else if (sampledRate > 0) {
            spec.commandLine().getErr().println("error: --sampled-rate needs --output-path (the generator whose samples to use)");
            return Cli.BAD_INPUT;
        }
        String command = String.format(Locale.ROOT, "reflectlab train %s --seed %d --steps %d --batch %d --lr %s --eval-size %d%s",
                role(), seed(), steps, batch, lr, evalSize,
                outputPath == null ? "" : " --output-path " + outputPath + " --generated-rate " + generatedRate)
                + (sampledRate > 0 ? String.format(Locale.ROOT, " --sampled-rate %s --sampled-prompts %d --sampled-seeds %d",
                        sampledRate, sampledPrompts, sampledSeeds) : "");
        o.printf("# %s: %s detector, %,d parameters; %s%n", role(), config().arch().name().toLowerCase(Locale.ROOT),
                t.detector().params().count(), command);
        try (ModelOutput output = Outputs.reserve(spec.commandLine().getErr(), store, role(), t.detector().params().count() * 4L * 3)) {
            return train(t, path, generator, codec, output, store, command, o);
        }
    }

    private int train(DetectorTraining t, OutputPath path, Generator generator, LatentCodec codec, ModelOutput output,
                      ModelStore store, String command, PrintWriter o) throws Exception {
        long t0 = System.nanoTime();
        t.run(100, r -> o.printf(Locale.ROOT, "step %5d  loss %.4f  %s%n", r.iteration(), r.loss(), r.components()));
        double minutes = (System.nanoTime() - t0) / 6e10;
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(t.evaluate(evalSize));
        metrics.put("training_minutes", minutes);
        if (path != null) {
            double dp = DetectorAudit.decodePathAccuracy(t.detector(), path, t.heldOutWorld(), evalSize, seed());
            DetectorAudit.SampleAudit audit = null;
            if (java.nio.file.Files.exists(auditPrompts)) {
                List<Caption> prompts = PromptSet.read(auditPrompts).prompts().stream().map(PromptSet.Prompt::caption).toList();
                audit = DetectorAudit.onSamples(t.detector(), generator, codec, prompts, 2, 8, 2.0, 4242, 0);
            }
            metrics.putAll(DetectorAudit.metrics(dp, audit));
            o.printf(Locale.ROOT, "# generated images: held-out scenes through the output path, scene accuracy %.4f%s%n", dp,
                    audit == null ? "" : String.format(Locale.ROOT, "; real samples: agrees with the pixel reader on %.4f of the %d"
                            + " it is confident about (of %d)", audit.agreement(), audit.confident(), audit.samples()));
        }
        output.save(into -> t.save(into, role(), role(), command, metrics), AppPaths.rescueFolders());
        o.printf(Locale.ROOT, "# saved %s; held-out: scene accuracy %.4f (degraded %.4f), shape %.4f, color %.4f, size %.4f, "
                        + "count %.4f; %.1f min%n", store.dir(role()), metrics.get("scene_accuracy"),
                metrics.get("degraded_scene_accuracy"), metrics.get("shape_accuracy"), metrics.get("color_accuracy"),
                metrics.get("size_accuracy"), metrics.get("count_accuracy"), minutes);
        return 0;
    }

    private SampleBank sampleBank(Generator generator, LatentCodec codec, PrintWriter o) throws java.io.IOException {
        long t0 = System.nanoTime();
        java.util.Set<String> excluded = new java.util.HashSet<>();
        for (Path evaluation : List.of(auditPrompts, EVALUATION_PROMPTS)) {
            if (java.nio.file.Files.exists(evaluation)) {
                PromptSet.read(evaluation).prompts().forEach(p -> excluded.add(p.text()));
            }
        }
        // a seed of its own, so the bank's prompts and noise are not the pool's (seed 7) nor the evaluation's
        SampleBank bank = SampleBank.build(generator, codec, new SampleBank.Settings(sampledPrompts, sampledSeeds, 8,
                org.reflectlab.core.reflect.ReflectSettings.DEFAULT_GUIDANCE, seed() + 1_000), excluded, () -> false);
        o.printf(Locale.ROOT, "# sampled: %d of %d generator samples kept (the pixel reader confident, one object per cell), %.0f s%n",
                bank.entries().size(), bank.drawn(), (System.nanoTime() - t0) / 1e9);
        return bank;
    }

    @Command(name = "critic", mixinStandardHelpOptions = true,
            description = "Train the critic: a ViT scene detector whose readings become Reflect-DiT feedback.")
    static final class Critic extends TrainDetectorCommand {
        @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "11", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        String role() {
            return "critic";
        }

        @Override
        long seed() {
            return seed;
        }

        @Override
        DetectorConfig config() {
            return DetectorConfig.critic();
        }
    }

    @Command(name = "judge", mixinStandardHelpOptions = true,
            description = "Train the judge: a per-cell MLP detector, used only to score (GenEval-lite), never for feedback.")
    static final class Judge extends TrainDetectorCommand {
        @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "23", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        String role() {
            return "judge";
        }

        @Override
        long seed() {
            return seed;
        }

        @Override
        DetectorConfig config() {
            return DetectorConfig.judge();
        }
    }
}
