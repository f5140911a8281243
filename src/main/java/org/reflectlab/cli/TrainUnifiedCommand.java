package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelOutput;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.TrainingControl;
import org.reflectlab.core.train.TrainingLoop;
import org.reflectlab.core.train.TrainingObserver;
import org.reflectlab.core.train.UnifiedEval;
import org.reflectlab.core.reflect.DecodePathCheck;
import org.reflectlab.core.train.DecoderTuning;
import org.reflectlab.core.train.UnifiedModelIO;
import org.reflectlab.core.train.UnifiedTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "unified", mixinStandardHelpOptions = true,
        description = {"Train the unified text+image model on ShapesWorld and save it (weights, loss history, manifest).",
            "Ctrl+C (or SIGTERM) stops after the current step and saves a checkpoint <out>-checkpoint to --resume;",
            "a run whose steps keep failing (NaN or exploding loss) gives up, saves nothing and exits 1."})
final class TrainUnifiedCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed of the data stream and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--steps", defaultValue = "8000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", defaultValue = "0.0015", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--warmup", defaultValue = "200", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--width", defaultValue = "96", description = "Transformer width (default: ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--latent", defaultValue = "128", description = "Shared latent size (default: ${DEFAULT-VALUE}).")
    int latent;
    @Option(names = "--latent-channels", defaultValue = "0",
            description = "A spatial image latent with this many numbers per patch token (--latent is then tokens x channels); "
                    + "0: one latent vector of --latent numbers (default: ${DEFAULT-VALUE}).")
    int latentChannels;
    @Option(names = "--latent-noise", defaultValue = "0",
            description = "Bound the image latent to (-1, 1) and decode it with Gaussian noise of this σ in "
                    + "training, so a generator's small errors decode to clean images (default: ${DEFAULT-VALUE}).")
    double latentNoise;
    @Option(names = "--decoder-channels", defaultValue = "0",
            description = "A vector latent decoded by a transformer: spread over the patch grid, this many numbers per patch, "
                    + "then --decoder-depth blocks; 0: the per-position MLP (default: ${DEFAULT-VALUE}).")
    int decoderChannels;
    @Option(names = "--foreground-weight", defaultValue = "0",
            description = "Weigh every pixel that differs from the background 1 + this in the reconstruction loss, so "
                    + "the loss is spent where shapes are told apart; the caption -> image loss stays unweighted (default: ${DEFAULT-VALUE}: plain MSE).")
    double foregroundWeight;
    @Option(names = "--decoder-depth", defaultValue = "1",
            description = "Hidden layers of the image decoder after the shared latent; transformer blocks for a spatial latent "
                    + "(default: ${DEFAULT-VALUE}).")
    int decoderDepth;
    @Option(names = "--caption-depth", defaultValue = "2",
            description = "Transformer blocks of the caption decoder after the shared latent (default: ${DEFAULT-VALUE}).")
    int captionDepth;
    @Option(names = "--weights", defaultValue = "1,1,1,0.2", split = ",",
            description = "Loss weights recon,generation,caption,align (default: ${DEFAULT-VALUE}).")
    double[] lossWeights;
    @Option(names = "--eval-every", defaultValue = "500", description = "Evaluate on held-out data every N steps (default: ${DEFAULT-VALUE}).")
    int evalEvery;
    @Option(names = "--eval-size", defaultValue = "256", description = "Held-out samples per evaluation (default: ${DEFAULT-VALUE}).")
    int evalSize;
    @Option(names = "--out", defaultValue = "unified", description = "Model name to save under the models folder (default: ${DEFAULT-VALUE}).")
    String out;
    @Mixin
    ModelsFolder models;
    @Option(names = "--tune-decoder", paramLabel = "GENERATOR",
            description = "Train only the image decoder of the --init model, on this generator's decode path (its whitened "
                    + "principal components, with noise): the encoders, and so the generator's latent space, stay as they are.")
    String tuneDecoder;

    @Option(names = "--init", description = "With --tune-decoder: the unified model to start from (default: unified).")
    String init;

    @Option(names = "--path-noise", defaultValue = "0.3",
            description = "With --tune-decoder: the largest noise added in the generator's whitened units (default: ${DEFAULT-VALUE}).")
    double pathNoise;

    @Option(names = "--path-share", defaultValue = "0.5",
            description = "With --tune-decoder: the share of examples sent through the decode path; the rest are plain "
                    + "reconstructions (default: ${DEFAULT-VALUE}).")
    double pathShare;

    @Option(names = "--resume", description = "Resume this checkpoint (a model saved with its optimizer state).")
    String resume;
    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Save a resumable checkpoint <out>-checkpoint every N steps (0: never).")
    int checkpointEvery;
    @Option(names = "--log-every", defaultValue = "25", description = "Print a progress line every N steps (default: ${DEFAULT-VALUE}).")
    int logEvery;

    /** What a decoder tuning takes from its --init model (its decoder's shape may be given: then a new decoder). */
    private static final List<String> ARCHITECTURE = List.of("--width", "--latent", "--latent-channels", "--latent-noise",
            "--foreground-weight", "--caption-depth", "--weights");
    /** Training options a resumed run takes from its checkpoint instead. */
    private static final List<String> FIXED_ON_RESUME = List.of("--seed", "--steps", "--batch", "--lr", "--warmup", "--width",
            "--latent", "--latent-channels", "--latent-noise", "--decoder-channels", "--foreground-weight", "--decoder-depth", "--caption-depth", "--weights", "--eval-every", "--eval-size");
    /** How long Ctrl+C waits for the current step and the checkpoint. */
    private static final long STOP_WAIT_SECONDS = 120;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Outputs.plainName(err, "--out", out)) {
            return Cli.BAD_INPUT;
        }
        if (resume != null) {
            List<String> given = FIXED_ON_RESUME.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
            if (!given.isEmpty()) {
                err.println("error: " + String.join(" and ", given) + " cannot be changed when resuming: the run continues "
                        + "with the settings saved in its checkpoint. Start a new run to change them.");
                return Cli.BAD_INPUT;
            }
        }
        if (tuneDecoder != null) {
            List<String> given = ARCHITECTURE.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
            if (!given.isEmpty() || resume != null) {
                err.println("error: " + (resume != null ? "--resume" : String.join(" and ", given)) + " cannot go with "
                        + "--tune-decoder: the model's architecture and loss weights are those of the --init model.");
                return Cli.BAD_INPUT;
            }
        } else if (init != null || spec.commandLine().getParseResult().hasMatchedOption("--path-noise")
                || spec.commandLine().getParseResult().hasMatchedOption("--path-share")) {
            err.println("error: --init, --path-noise and --path-share go with --tune-decoder only");
            return Cli.BAD_INPUT;
        }
        ModelStore store = models.store();
        if (tuneDecoder != null && !store.exists(initName())) {
            err.println("error: --init " + initName() + ": no model of that name in " + store.root());
            return Cli.BAD_INPUT;
        }
        if (resume != null && !store.exists(resume)) {
            err.println("error: --resume " + resume + ": no checkpoint of that name in " + store.root()
                    + " (a stopped run prints the name to resume, e.g. " + out + "-checkpoint)");
            return Cli.BAD_INPUT;
        }
        // Ctrl+C from here on is heard: during start-up it ends the run before its first step, saying so
        TrainingControl control = new TrainingControl();
        try (GracefulStop stop = new GracefulStop(control::stop, STOP_WAIT_SECONDS, err)) {
            return start(store, control, o, err);
        }
    }

    private int start(ModelStore store, TrainingControl control, PrintWriter o, PrintWriter err) throws Exception {
        Backend.start();
        UnifiedTraining training;
        try {
            if (resume != null) {
                training = UnifiedTraining.resume(store, resume);
                o.printf("# resumed %s at step %d of %d%n", resume, training.completedSteps(), training.settings().steps());
            } else if (tuneDecoder != null) {
                TrainSettings settings = new TrainSettings(lr, batch, steps, seed, warmup, evalEvery, evalSize, evalEvery);
                training = new DecoderTuning(tuneDecoder, pathNoise, pathShare).start(store, initName(), settings,
                        newDecoder() ? new DecoderTuning.Shape(decoderDepth, decoderChannels) : null);
                o.printf("# tuning the image decoder of %s on %s's decode path (the encoders stay frozen)%n", initName(), tuneDecoder);
            } else {
                if (lossWeights.length != 4) {
                    err.println("error: --weights needs 4 numbers: recon,generation,caption,align");
                    return Cli.BAD_INPUT;
                }
                UnifiedConfig config = UnifiedConfig.defaults().withWeights(lossWeights[0], lossWeights[1], lossWeights[2], lossWeights[3]);
                config = new UnifiedConfig(config.imageSize(), config.patch(), width, config.heads(), config.imageDepth(),
                        config.textDepth(), decoderDepth, captionDepth, latent, config.reconWeight(),
                        config.generationWeight(), config.captionWeight(), config.alignWeight(), config.temperature())
                        .withLatentChannels(latentChannels, latent).withLatentNoise(latentNoise).withDecoderChannels(decoderChannels)
                        .withForegroundWeight(foregroundWeight);
                TrainSettings settings = new TrainSettings(lr, batch, steps, seed, warmup, evalEvery, evalSize, evalEvery);
                training = UnifiedTraining.fresh(config, settings);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (training.tuning() != null) {
            UnifiedTraining run = training;
            run.extraEvaluation(() -> DecodePathCheck.measure(run, Math.min(run.settings().evalSize(), 256)));
        }
        String command = commandLine();
        o.printf("# unified model: %,d parameters, %s%n", training.model().params().count(), command);
        // weights, and a checkpoint's optimizer state (twice the weights) beside them
        try (ModelOutput output = Outputs.reserve(err, store, out, training.model().params().count() * 4L * 3)) {
            return train(training, control, output, store, command, o, err);
        }
    }

    private int train(UnifiedTraining training, TrainingControl control, ModelOutput output, ModelStore store, String command,
                      PrintWriter o, PrintWriter err) throws Exception {
        long t0 = System.nanoTime();
        long startStep = training.completedSteps();
        UnifiedTraining t = training;
        int[] retries = {0};
        String[] diverged = {null};
        TrainingLoop.Outcome outcome = TrainingLoop.run(training, control, new TrainingObserver() {
            @Override
            public void onStep(StepResult r, long nanos) {
                retries[0] = 0;
                if (r.iteration() % logEvery == 0) {
                    double sec = (System.nanoTime() - t0) / 1e9;
                    double rate = (r.iteration() - startStep) / sec;
                    double eta = (t.settings().steps() - r.iteration()) / Math.max(rate, 1e-9);
                    StringBuilder parts = new StringBuilder();
                    r.components().forEach((k, v) -> parts.append(String.format(Locale.ROOT, " %s %.4f", k.replace("loss_", ""), v)));
                    o.printf(Locale.ROOT, "step %6d  loss %.4f %s  lr %.2e  %.2f steps/s  eta %s%n", r.iteration(), r.loss(),
                            parts, r.learningRate(), rate, duration(eta));
                }
                if (checkpointEvery > 0 && r.iteration() % checkpointEvery == 0) {
                    try {
                        t.save(store, out + "-checkpoint", command, true);
                    } catch (Exception e) {
                        err.println("warning: checkpoint not saved: " + e.getMessage());
                    }
                }
            }

            @Override
            public void onEval(long step, Map<String, Double> m) {
                StringBuilder sb = new StringBuilder();
                m.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
                o.printf("eval %6d %s%n", step, sb);
            }

            @Override
            public void onNonFinite(StepResult r, String message) {
                retries[0]++;
                err.printf("warning: %s Continuing with a third of the learning rate (retry %d of %d).%n", message, retries[0],
                        TrainingLoop.MAX_CONSECUTIVE_ROLLBACKS - 1);
                t.scaleLearningRate(1.0 / 3);
                control.resume();
            }

            @Override
            public void onDiverged(StepResult r, String message) {
                diverged[0] = message;
            }
        });
        if (outcome == TrainingLoop.Outcome.DIVERGED) {
            err.println("error: " + diverged[0] + " Nothing was saved" + (store.exists(out) ? "; the model '" + out
                    + "' is unchanged." : "."));
            return Cli.FAILED;
        }
        if (outcome == TrainingLoop.Outcome.STOPPED && training.completedSteps() == startStep) {
            o.println("# stopped before the first step; nothing was trained or saved");
            return 0;
        }
        if (outcome == TrainingLoop.Outcome.STOPPED) {
            Manifest m = output.save(into -> training.save(into, out + "-checkpoint", command, true), AppPaths.rescueFolders());
            o.printf("# stopped at step %d; checkpoint saved to %s. Resume with: reflectlab train unified --resume %s --out %s%s%n",
                    training.completedSteps(), store.dir(m.name()), m.name(), out,
                    models.given != null ? " --models " + models.given : "");
            return 0;
        }
        // a model the folder cannot take after all is kept as a resumable checkpoint in a rescue folder
        Manifest m = output.save(into -> training.save(into, into == store ? out : out + "-checkpoint", command, into != store),
                AppPaths.rescueFolders());
        o.printf("# saved %s (%,d bytes of weights) in %s%n", store.dir(out),
                m.files().values().stream().mapToLong(f -> f.bytes()).sum(), duration((System.nanoTime() - t0) / 1e9));
        Map<String, Object> metrics = m.metrics();
        o.printf(Locale.ROOT, "# held-out: caption attribute accuracy %.4f, reconstruction PSNR %.2f dB, "
                        + "text->image attribute accuracy %.4f, count %.4f, R@1 %.4f%n",
                num(metrics, UnifiedEval.CAPTION_ACCURACY), num(metrics, UnifiedEval.PSNR), num(metrics, UnifiedEval.T2I_ACCURACY),
                num(metrics, UnifiedEval.T2I_COUNT), num(metrics, UnifiedEval.RECALL1));
        return 0;
    }

    private boolean newDecoder() {
        var parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--decoder-depth") || parsed.hasMatchedOption("--decoder-channels");
    }

    private String initName() {
        return init != null ? init : UnifiedModelIO.DEFAULT_NAME;
    }

    private String commandLine() {
        if (resume != null) {
            return "reflectlab train unified --resume " + resume + " --out " + out;
        }
        if (tuneDecoder != null) {
            return String.format(Locale.ROOT, "reflectlab train unified --tune-decoder %s --init %s --path-noise %s "
                            + "--path-share %s --seed %d --steps %d --batch %d --lr %s --warmup %d --eval-every %d "
                            + "--eval-size %d%s --out %s", tuneDecoder, initName(), pathNoise, pathShare, seed, steps, batch, lr,
                    warmup, evalEvery, evalSize, newDecoder() ? " --decoder-depth " + decoderDepth
                            + (decoderChannels > 0 ? " --decoder-channels " + decoderChannels : "") : "", out);
        }
        // the decoder depths are written only when they differ from the defaults, so older commands read as they did
        UnifiedConfig d = UnifiedConfig.defaults();
        String depths = (decoderDepth != d.decoderDepth() ? " --decoder-depth " + decoderDepth : "")
                + (captionDepth != d.captionDepth() ? " --caption-depth " + captionDepth : "");
        String latentArg = (latentChannels > 0 ? "--latent-channels " + latentChannels : "--latent " + latent)
                + (latentNoise > 0 ? " --latent-noise " + latentNoise : "")
                + (decoderChannels > 0 ? " --decoder-channels " + decoderChannels : "")
                + (foregroundWeight > 0 ? " --foreground-weight " + foregroundWeight : "");
        return String.format(Locale.ROOT, "reflectlab train unified --seed %d --steps %d --batch %d --lr %s --warmup %d "
                        + "--width %d %s%s --weights %s,%s,%s,%s --eval-every %d --eval-size %d --out %s",
                seed, steps, batch, lr, warmup, width, latentArg, depths, lossWeights[0], lossWeights[1], lossWeights[2],
                lossWeights[3], evalEvery, evalSize, out);
    }

    private static double num(Map<String, Object> m, String k) {
        return m.get(k) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
