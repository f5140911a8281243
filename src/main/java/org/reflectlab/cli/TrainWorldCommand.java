package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.world.ImplicitConfig;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelOutput;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.world.ImplicitModelIO;
import org.reflectlab.core.world.ImplicitTraining;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "world", mixinStandardHelpOptions = true,
        description = {"Train the implicit world model (encoder -> latent, transition with the action, decoder -> frame)",
            "on rollouts of the ball-world simulator, and save it with its manifest. Ctrl+C stops; nothing half-written is left."})
final class TrainWorldCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed of the training windows and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--steps", defaultValue = "3000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "32", description = "Windows per step (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--warmup", defaultValue = "100", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--unroll", defaultValue = "6", description = "Transition steps trained through, 1-16 (default: ${DEFAULT-VALUE}).")
    int unroll;
    @Option(names = "--latent", defaultValue = "64", description = "Latent size (default: ${DEFAULT-VALUE}).")
    int latent;
    @Option(names = "--size", defaultValue = "32", description = "Frame size, 32 or 64 (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--eval-every", defaultValue = "250", description = "Evaluate on held-out windows every N steps (default: ${DEFAULT-VALUE}).")
    int evalEvery;
    @Option(names = "--eval-size", defaultValue = "128", description = "Held-out windows (default: ${DEFAULT-VALUE}).")
    int evalSize;
    @Option(names = "--rollouts", defaultValue = "8", description = "Held-out 60-frame rollouts measured at the end (default: ${DEFAULT-VALUE}).")
    int rollouts;
    @Option(names = "--out", defaultValue = ImplicitModelIO.DEFAULT_NAME, description = "Model name under the models folder (default: ${DEFAULT-VALUE}).")
    String out;
    @Mixin
    ModelsFolder models;
    @Option(names = "--log-every", defaultValue = "50", description = "Print a progress line every N steps (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Outputs.plainName(err, "--out", out)) {
            return Cli.BAD_INPUT;
        }
        ImplicitTraining training;
        try {
            if (rollouts < 1 || rollouts > 256) {
                throw new IllegalArgumentException("--rollouts must be 1..256");
            }
            ImplicitConfig config = ImplicitConfig.defaults().withUnroll(unroll).withLatent(latent).withFrameSize(size);
            TrainSettings settings = new TrainSettings(lr, batch, steps, seed, warmup, evalEvery, evalSize, evalEvery);
            Backend.start();
            training = ImplicitTraining.fresh(config, settings, PhysicsParams.defaults());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        ModelStore store = models.store();
        String command = commandLine();
        o.printf("# implicit world model: %,d parameters; %s%n", training.model().params().count(), command);
        AtomicBoolean stop = new AtomicBoolean();
        try (ModelOutput output = Outputs.reserve(err, store, out, training.model().params().count() * 4L * 3);
             GracefulStop graceful = new GracefulStop(() -> stop.set(true), 60, err)) {
            return train(training, stop, output, store, command, o, err);
        }
    }

    private int train(ImplicitTraining training, AtomicBoolean stop, ModelOutput output, ModelStore store, String command,
                      PrintWriter o, PrintWriter err) throws Exception {
        long t0 = System.nanoTime();
        print(o, 0, training.evaluate());
        while (!training.finished() && !stop.get()) {
            StepResult r = training.trainStep();
            if (r.nonFinite()) {
                err.printf("warning: step %d had a non-finite loss; it was undone%n", r.iteration());
                continue;
            }
            long k = r.iteration();
            if (k % logEvery == 0) {
                double rate = k / training.trainingSeconds();
                StringBuilder parts = new StringBuilder();
                r.components().forEach((name, v) -> parts.append(String.format(Locale.ROOT, " %s %.5f", name.replace("loss_", ""), v)));
                o.printf(Locale.ROOT, "step %5d  loss %.5f %s  lr %.2e  %.2f steps/s  eta %s%n", k, r.loss(), parts,
                        r.learningRate(), rate, TrainUnifiedCommand.duration((steps - k) / Math.max(rate, 1e-9)));
            }
            if (k % evalEvery == 0 || training.finished()) {
                print(o, k, training.evaluate());
            }
        }
        if (!training.finished()) {
            o.printf("# stopped at step %d; nothing saved (the previous model, if any, is unchanged)%n", training.completedSteps());
            return 0;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        double rolloutError = training.rolloutError(rollouts, WorldSpec.DEFAULT_HORIZON, 2);
        extra.put("heldout_rollout60_mse_2balls", rolloutError);
        extra.put("heldout_rollouts", rollouts);
        Manifest m = output.save(into -> training.save(into, out, command, extra), AppPaths.rescueFolders());
        o.printf(Locale.ROOT, "# held-out %d-frame rollouts (2 balls, random pushes): mean frame MSE %.5f%n",
                WorldSpec.DEFAULT_HORIZON, rolloutError);
        o.printf(Locale.ROOT, "# saved %s (%,d bytes) after %.1f s of training (%s wall)%n", store.dir(out),
                m.files().values().stream().mapToLong(f -> f.bytes()).sum(), training.trainingSeconds(),
                TrainUnifiedCommand.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }

    private static void print(PrintWriter o, long step, Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.5f", k, v)));
        o.printf("eval %5d %s%n", step, sb);
    }

    private String commandLine() {
        return String.format(Locale.ROOT, "reflectlab train world --seed %d --steps %d --batch %d --lr %s --warmup %d "
                        + "--unroll %d --latent %d --size %d --eval-every %d --eval-size %d --rollouts %d --out %s",
                seed, steps, batch, lr, warmup, unroll, latent, size, evalEvery, evalSize, rollouts, out);
    }
}
