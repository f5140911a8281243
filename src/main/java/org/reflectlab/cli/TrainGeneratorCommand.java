package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.UnifiedModel;
import org.reflectlab.core.reflect.GeneratorConfig;
import org.reflectlab.core.reflect.GeneratorTraining;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.UnifiedModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generator", mixinStandardHelpOptions = true,
        description = {"Train the Reflect-DiT generator: a latent diffusion transformer over the unified model's image latent,",
            "conditioned on the prompt and on up to 3 previous (image, feedback) pairs."})
final class TrainGeneratorCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "3", description = "Seed (default: ${DEFAULT-VALUE}).")
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
    @Option(names = "--components", defaultValue = "32", description = "Principal components of the unified latent the generator draws (default: ${DEFAULT-VALUE}).")
    int components;
    @Option(names = "--models", description = "Models folder (default: ./models).")
    Path models;
    @Option(names = "--out", defaultValue = "generator", description = "Model name (default: ${DEFAULT-VALUE}).")
    String out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Backend.start();
        ModelStore store = new ModelStore(models != null ? models : AppPaths.models());
        if (contextRate < 0 || contextRate > 1 || steps < 1 || batch < 2) {
            spec.commandLine().getErr().println("error: --context-rate must be 0..1, --steps >= 1, --batch >= 2");
            return Cli.BAD_INPUT;
        }
        UnifiedModel unified = UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
        Manifest um = store.verify(UnifiedModelIO.DEFAULT_NAME);
        String ref = UnifiedModelIO.DEFAULT_NAME + "@" + um.files().values().iterator().next().sha256().substring(0, 12);
        GeneratorConfig cfg = new GeneratorConfig(components, 4, 2, 3, width, depth, 4);
        GeneratorTraining t = new GeneratorTraining(cfg, unified, ref, seed, batch, steps, lr, contextRate);
        String command = String.format(Locale.ROOT, "reflectlab train generator --seed %d --steps %d --batch %d --lr %s "
                + "--context-rate %s --width %d --depth %d --components %d --out %s", seed, steps, batch, lr, contextRate, width, depth,
                components, out);
        o.printf("# generator: %,d parameters, %d tokens per sequence; on %s; %s%n", t.generator().params().count(),
                t.generator().sequenceLength(), ref, command);
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
        t.save(store, out, command, metrics);
        o.printf(Locale.ROOT, "# saved %s; held-out flow loss %.4f; %.1f min. Score it with: reflectlab geneval%n",
                store.dir(out), metrics.get("heldOutFlowLoss"), (double) metrics.get("trainingMinutes"));
        if (!out.equals(ReflectModels.GENERATOR)) {
            o.println("# note: the app and `reflect` load the model named '" + ReflectModels.GENERATOR + "'");
        }
        return 0;
    }
}
