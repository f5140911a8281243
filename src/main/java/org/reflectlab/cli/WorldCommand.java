package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.world.ImplicitModel;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.Hybrid;
import org.reflectlab.core.world.ImplicitModelIO;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.RolloutMetrics;
import org.reflectlab.core.world.WorldExport;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.core.world.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.reflectlab.core.text.Phrase;

@Command(name = "world", mixinStandardHelpOptions = true,
        description = {"Roll out the explicit, implicit and hybrid world models beside the true simulator and print",
            "per-model error, temporal consistency, drift horizon and energy drift (means over seeded rollouts).",
            "--sweep adds error and consistency against alpha on held-out rollouts, and the best alpha."})
final class WorldCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--frames", defaultValue = "60", description = "Predicted frames per rollout, 1-600 (default: ${DEFAULT-VALUE}).")
    int frames;
    @Option(names = "--alpha", defaultValue = "0.7", description = "Hybrid blend: alpha x explicit + (1 - alpha) x implicit (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed of the first rollout (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--seeds", defaultValue = "1", description = "Rollouts averaged: seeds seed .. seed+N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--balls", defaultValue = "2", description = "Balls, 1-3 (default: ${DEFAULT-VALUE}).")
    int balls;
    @Option(names = "--actions", defaultValue = "random", description = "Action script: none, random or scripted (default: ${DEFAULT-VALUE}).")
    String actions;
    @Option(names = "--size", defaultValue = "32", description = "Frame size, 32 or 64 (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--threshold", defaultValue = "0.01", description = "Frame MSE that ends the drift horizon (default: ${DEFAULT-VALUE}).")
    double threshold;
    @Option(names = "--sweep", description = "Also sweep alpha on held-out rollouts and report the best.")
    boolean sweep;
    @Option(names = "--sweep-rollouts", defaultValue = "16", description = "Held-out rollouts of the sweep (default: ${DEFAULT-VALUE}).")
    int sweepRollouts;
    @Option(names = "--alphas", defaultValue = "21", description = "Alpha values from 0 to 1 in the sweep (default: ${DEFAULT-VALUE}).")
    int alphas;
    @Option(names = "--png", description = "Write the first rollout as a PNG strip (rows: truth, explicit, implicit, hybrid).")
    Path png;
    @Option(names = "--csv", description = "Write the first rollout's per-frame metrics as CSV.")
    Path csv;
    @Option(names = "--sweep-csv", description = "Write the sweep as CSV.")
    Path sweepCsv;
    @Mixin
    ModelsFolder models;
    @Option(names = "--explicit-only", description = "Compare explicit physics alone, without the implicit (learned) model.")
    boolean explicitOnly;
    @Option(names = "--model", defaultValue = ImplicitModelIO.DEFAULT_NAME, description = "Implicit model name (default: ${DEFAULT-VALUE}).")
    String model;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorldSpec base;
        try {
            Hybrid.checkAlpha(alpha);
            if (seeds < 1 || seeds > 1000) {
                throw new IllegalArgumentException("--seeds must be 1..1000");
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("--threshold must be above 0");
            }
            if (sweep) {
                AlphaSweep.alphas(alphas);
            }
            base = new WorldSpec(seed, balls, size, frames, ActionScript.parse(actions), PhysicsParams.defaults());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (!Outputs.writable(err, "--png", png, "--csv", csv, "--sweep-csv", sweepCsv)) {
            return Cli.BAD_INPUT;
        }
        Backend.start();
        WorldModels wm;
        if (explicitOnly) {
            wm = WorldModels.explicitOnly(base.physics(), size, new Phrase("world.problem.explicit-only"));
        } else {
            try {
                ImplicitModel implicit = WorldModels.loadImplicit(models.store(),
                        model, size);
                wm = WorldModels.with(base.physics(), size, implicit, null);
            } catch (ModelStoreException e) {
                // A missing or damaged model is a failure, not a quiet fallback: the user asked for all three.
                err.println("error: " + e.getMessage() + " Train one with `reflectlab train world`, or pass --explicit-only"
                        + " to compare explicit physics alone.");
                return Cli.FAILED;
            }
        }
        o.printf(Locale.ROOT, "# world: seeds %d..%d, %d balls, %s actions, %d frames, alpha %.2f, threshold %.4f%n",
                seed, seed + seeds - 1, balls, base.script().key(), frames, alpha, threshold);
        o.println("# true physics:     " + base.physics());
        o.println("# explicit model:   " + wm.identification().summary());
        if (wm.hasImplicit()) {
            o.printf("# implicit model:   %s (%,d parameters)%n", model, wm.implicit().params().count());
        } else {
            o.println("# implicit model:   none (--explicit-only)");
        }
        Map<ModelKind, List<RolloutMetrics>> all = new EnumMap<>(ModelKind.class);
        Comparison first = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < seeds; i++) {
            Comparison c = Comparison.run(base.withSeed(seed + i), wm, alpha, threshold, () -> { });
            if (first == null) {
                first = c;
            }
            c.metrics().forEach((k, m) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(m));
        }
        o.printf(Locale.ROOT, "# %d rollouts in %.1f s%n", seeds, (System.nanoTime() - t0) / 1e9);
        o.printf("%-13s %11s %11s %11s %15s %13s%n", "model", "mean error", "mean diff", "max diff", "drift horizon", "energy drift");
        all.forEach((k, list) -> o.println(row(k, list, frames)));
        o.println("# error, diff: frame MSE (RGB in [0,1]) against the truth / against the previous frame; means over");
        o.println("# steps and rollouts (max diff: mean over rollouts of the largest jump). Drift horizon: median first");
        o.println("# step with error over the threshold. Energy drift: relative change of the energy seen in the frames.");
        if (png != null) {
            WorldExport.writeStrip(first, 12, Math.max(1, 96 / size), png);
            o.println("# wrote " + png.toAbsolutePath());
        }
        if (csv != null) {
            WorldExport.writeCsv(first, csv);
            o.println("# wrote " + csv.toAbsolutePath());
        }
        if (sweep) {
            if (!wm.hasImplicit()) {
                err.println("error: the alpha sweep needs the implicit model");
                return Cli.FAILED;
            }
            AlphaSweep.Result r = AlphaSweep.run(wm, base, sweepRollouts, AlphaSweep.alphas(alphas), () -> { }, p -> { });
            o.printf(Locale.ROOT, "# alpha sweep on %d held-out rollouts (seeds %d..), %d frames; truth's own mean diff %.6f%n",
                    r.rollouts(), AlphaSweep.HELDOUT_SEED, r.horizon(), r.truthDiff());
            o.printf("%6s %11s %11s %11s%n", "alpha", "mean error", "mean diff", "max diff");
            for (AlphaSweep.Point p : r.points()) {
                o.printf(Locale.ROOT, "%6.2f %11.6f %11.6f %11.6f%s%n", p.alpha(), p.meanError(), p.meanDiff(), p.maxDiff(),
                        p == r.best() ? "  <- best" : "");
            }
            o.printf(Locale.ROOT, "best alpha %.2f (mean error %.6f)%n", r.best().alpha(), r.best().meanError());
            if (sweepCsv != null) {
                WorldExport.writeSweepCsv(r, sweepCsv);
                o.println("# wrote " + sweepCsv.toAbsolutePath());
            }
        }
        return 0;
    }

    private static String row(ModelKind k, List<RolloutMetrics> list, int frames) {
        double err = list.stream().mapToDouble(RolloutMetrics::meanError).average().orElse(Double.NaN);
        double diff = list.stream().mapToDouble(RolloutMetrics::meanDiff).average().orElse(Double.NaN);
        double max = list.stream().mapToDouble(RolloutMetrics::maxDiff).average().orElse(Double.NaN);
        double energy = list.stream().mapToDouble(RolloutMetrics::energyDrift).filter(Double::isFinite).average().orElse(Double.NaN);
        int[] horizons = list.stream().mapToInt(m -> m.driftHorizon() < 0 ? frames + 1 : m.driftHorizon()).sorted().toArray();
        int median = horizons[horizons.length / 2];
        String horizon = k == ModelKind.TRUTH ? "-" : median > frames ? "never" : Integer.toString(median);
        return String.format(Locale.ROOT, "%-13s %11.6f %11.6f %11.6f %15s %12.1f%%", k.label(), err, diff, max, horizon,
                100 * energy);
    }
}
