package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.concurrent.WorkerLimit;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.scaling.Answers;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.scaling.Sweep;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepJobs;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepSession;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.scaling.SweepStore;
import org.reflectlab.core.scaling.SweepWorkers;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Best-of-N vs Reflect-DiT vs test-time training across K at equal compute: every answer scored by the",
            "judge, stored so the sweep resumes after a cancel or crash (same --name), then a summary table and power-law fits.",
            "Each prompt is a job for a worker (one per core here); with --cluster, also for every node that joined with",
            "'reflectlab worker --seed-nodes <this node>' (same models, checked by SHA-256)."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--methods", defaultValue = "bon,reflect,reflect-pick,ttt",
            description = "Methods: bon, reflect (last image), reflect-pick (the critic's pick among the iterations), ttt (default: ${DEFAULT-VALUE}).")
    String methods;
    @Option(names = "--k", defaultValue = "1,2,4,8,12,16,20", description = "K values, 1 to 20 (default: ${DEFAULT-VALUE}).")
    String ks;
    @Option(names = "--per-category", defaultValue = "10", description = "Prompts per GenEval category, 1 to 50 (default: ${DEFAULT-VALUE}).")
    int perCategory;
    @Option(names = "--prompts", defaultValue = "assets/geneval-lite.json", description = "Prompt set (default: ${DEFAULT-VALUE}).")
    Path prompts;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    SamplingOptions sampling;
    @Option(names = "--quick", description = "The quick preset: K 1,2,4,8 and 5 prompts per category (overrides --k, --per-category).")
    boolean quick;
    @Option(names = "--name", description = "Sweep name; the same name resumes it (default: derived from the settings).")
    String name;
    @Option(names = "--sweeps", description = "Folder of stored sweeps (default: ~/.reflectlab/sweeps).")
    Path sweeps;
    @Option(names = "--csv", description = "Also write the raw rows (one per image) here.")
    Path csv;
    @Option(names = "--json", description = "Write the points and fits as JSON here.")
    Path json;
    @Option(names = "--workers", description = "Parallel workers, each with its own copy of the models (default and most: one per core, "
            + "fewer if memory is short).")
    Integer workers;
    @Mixin
    ModelsFolder models;
    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepSettings settings;
        WorkerLimit limit;
        try {
            SweepSettings preset = SweepSettings.quick(seed);
            settings = new SweepSettings(Method.parseList(methods), quick ? preset.ks() : SweepSettings.parseKs(ks),
                    quick ? preset.perCategory() : perCategory, seed, sampling.steps, sampling.guidance, sampling.context);
            limit = WorkerLimit.forThisMachine(workers);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        String sweepName = name != null ? name : defaultName(settings);
        if (!Outputs.plainName(err, "--name", sweepName) || !Outputs.writable(err, "--csv", csv, "--json", json)) {
            return Cli.BAD_INPUT;
        }
        if (!Files.isRegularFile(prompts)) {
            err.println("error: no prompt set at " + prompts + " (make one with: reflectlab prompts)");
            return Cli.BAD_INPUT;
        }
        PromptSet set = PromptSet.read(prompts);
        if (settings.perCategory() > set.mostPerCategory()) {
            err.println("error: --per-category must be 1.." + set.mostPerCategory() + " (the prompt set has "
                    + set.mostPerCategory() + " per category), not " + settings.perCategory());
            return Cli.BAD_INPUT;
        }
        List<PromptSet.Prompt> list = SweepInputs.prompts(set, settings.perCategory());
        if (limit.note() != null) {
            err.println("warning: " + limit.note());
        }
        int n = limit.workers();
        Backend.start();
        ModelStore store = models.store();
        PekkoSetup.Membership membership = null;
        if (clusterOptions.cluster) {
            try {
                membership = clusterOptions.membership(List.of(JobNode.ROLE, JobNode.COORDINATOR_ROLE));
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        JobNode node = null;
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        try (SweepStore sweep = SweepStore.open(sweeps != null ? sweeps : AppPaths.sweeps(), sweepName, settings,
                SweepInputs.models(store));
             GracefulStop stop = new GracefulStop(() -> cancel.set(true), STOP_WAIT_SECONDS, err)) {
            Sweep runner;
            if (membership != null) {
                String fingerprint = SweepInputs.fingerprint(store);
                node = JobNode.start(membership, n, () -> SweepJobs.handler(ReflectModels.load(store)), fingerprint,
                        WorkerCommand.printing(err));
                runner = new Sweep(node, fingerprint);
                o.printf("# coordinator %s in the cluster; %d workers here; worker nodes join with: reflectlab worker --seed-nodes %s%n",
                        node.address(), n, node.address());
            } else {
                runner = new Sweep(new SweepWorkers(() -> ReflectModels.load(store)).take(n, m -> { }));
            }
            o.printf(Locale.ROOT, "# sweep '%s' in %s: %s, K %s, %d prompts, seed %d, %d workers%s%n", sweepName, sweep.dir(),
                    settings.methods().stream().map(Method::id).toList(), settings.ks(), list.size(), seed, n,
                    membership != null ? " on this node" : "");
            SweepSession.Outcome outcome = new SweepSession(runner, PRINT_EVERY, false).run(sweep, list, new SweepSession.Observer() {
                @Override
                public void note(org.reflectlab.core.text.Phrase note) {
                    err.println("warning: " + note.english());
                }

                @Override
                public void periodic(SweepSession.Progress p) {
                    o.printf(Locale.ROOT, "# %d/%d images, %.0f s, ETA %.0f s%s; jobs: %s%n", p.imagesDone(), p.imagesAtMost(),
                            p.seconds(), p.etaSeconds(), p.savedByEarlyStop() > 0 ? ", early stop saved " + p.savedByEarlyStop() : "",
                            runner.board() == null ? "" : runner.board().summary());
                    o.flush();
                }
            }, cancel::get);
            int written = outcome.written();
            if (stop.requested()) {
                o.printf(Locale.ROOT, "# stopped: %d new rows, %d in all, are stored in %s. Resume with: %s%n", written,
                        outcome.loaded().rows().size(), sweep.dir().resolve(SweepStore.RESULTS), resumeCommand(sweepName));
                o.flush();
                return 0;
            }
            if (runner.board() != null) {
                o.println("# jobs: " + runner.board().summary() + (runner.board().requeued() > 0
                        ? "; " + runner.board().requeued() + " re-queued (a worker left, was busy, failed or refused)" : ""));
            }
            o.printf(Locale.ROOT, "# %d new rows in %.0f s; %d images drawn%s%n", written, outcome.seconds(), outcome.imagesDrawn(),
                    outcome.savedByEarlyStop() > 0 ? ", early stop saved " + outcome.savedByEarlyStop() : "");
            SweepStore.Loaded loaded = outcome.loaded();
            if (!loaded.skipped().isEmpty()) {
                err.printf("warning: %d line(s) of %s could not be read and were left out:%n", loaded.skipped().size(),
                        sweep.dir().resolve(SweepStore.RESULTS));
                loaded.skipped().stream().limit(10).forEach(line -> err.println("warning:   " + line));
            }
            List<SweepRow> rows = loaded.rows();
            ScalingAnalysis an = ScalingAnalysis.of(rows, seed);
            printTable(o, an);
            if (csv != null) {
                SweepRow.writeCsv(rows, csv);
                o.println("# wrote " + csv.toAbsolutePath());
            }
            if (json != null) {
                AtomicFile.writeJson(json, an.describe());
                o.println("# wrote " + json.toAbsolutePath());
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
        return 0;
    }

    /** How often a long sweep prints where it stands. */
    private static final java.time.Duration PRINT_EVERY = java.time.Duration.ofSeconds(30);

    /** How long Ctrl+C waits for the prompts in hand to be stored. */
    private static final long STOP_WAIT_SECONDS = 60;

    /** This command line again, with the sweep's name: the same name resumes it. */
    private String resumeCommand(String sweepName) {
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        int sub = args.indexOf(spec.name());
        args = new java.util.ArrayList<>(args.subList(sub + 1, args.size())); // the options after "sweep"
        if (name == null) {
            args.add("--name");
            args.add(sweepName);
        }
        return "reflectlab sweep " + String.join(" ", args.stream().map(a -> a.matches("[A-Za-z0-9_.,:/=+@-]+") ? a
                : "'" + a.replace("'", "'\\''") + "'").toList());
    }

    static String defaultName(SweepSettings s) {
        return String.format(Locale.ROOT, "%s-k%d-p%d-seed%d", String.join("+", s.methods().stream().map(Method::id).toList()),
                s.maxK(), s.perCategory(), s.seed());
    }

    static void printTable(PrintWriter o, ScalingAnalysis an) {
        o.printf("%-18s %4s %8s %17s %8s %8s%n", "method", "K", "GenEval", "95% interval", "NFE", "s/answer");
        an.curves().forEach((m, c) -> {
            for (ScalingAnalysis.Point p : c.points()) {
                o.printf(Locale.ROOT, "%-18s %4d %8.3f   [%5.3f, %5.3f] %8.1f %8.2f%n", m.label(), p.k(), p.quality(), p.low(),
                        p.high(), p.nfe(), p.secondsPerAnswer());
            }
        });
        o.println();
        o.printf("%-18s %16s %16s %16s %6s %s%n", "fit Q=Qinf-A/K^g", "Q_inf", "A", "gamma", "R^2", "note");
        an.curves().forEach((m, c) -> {
            if (c.fit() == null) {
                o.printf("%-18s %s%n", m.label(), c.fitProblem().english());
            } else {
                var f = c.fit();
                o.printf(Locale.ROOT, "%-18s %7.3f +/- %5.3f %7.3f +/- %5.3f %7.3f +/- %5.3f %6.3f %s%n", m.label(), f.qInf(),
                        f.qInfError(), f.a(), f.aError(), f.gamma(), f.gammaError(), f.rSquared(),
                        f.atBound() ? "at a bound (Q_inf<=1, gamma in [0.01,5]): not saturating yet" : "");
            }
        });
        an.curves().values().stream().filter(c -> c.fit() != null).forEach(c -> {
            o.println();
            for (Answers.Answer a : Answers.of(c, 0.002, c.nfePerK())) {
                o.println("Q: " + a.question().english());
                o.println("A: " + a.answer().english());
            }
        });
    }
}
