package org.reflectlab.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.reflect.GenEvalLite;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.Bootstrap;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "geneval", mixinStandardHelpOptions = true,
        description = {"Score the generator on the GenEval-lite prompts with the judge: the base generator (one sample,",
            "no reflection) against Reflect-DiT at K iterations, per category and overall, with the gain's bootstrap 95% interval."})
final class GenEvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", defaultValue = "assets/geneval-lite.json", description = "Prompt set (default: ${DEFAULT-VALUE}).")
    Path prompts;
    @Option(names = "--per-category", description = "Only the first N prompts of each category.")
    Integer perCategory;
    @Option(names = "--k", defaultValue = "20", description = "Reflection iterations (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    SamplingOptions sampling;
    @Option(names = "--no-early-stop", description = "Do not stop when the critic says correct.")
    boolean noEarlyStop;
    @Option(names = "--csv", description = "Write one row per prompt and method.")
    Path csv;
    @Option(names = "--models", description = "Models folder (default: ./models).")
    Path models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PromptSet set = PromptSet.read(prompts);
        if (perCategory != null) {
            set = set.perCategory(perCategory);
        }
        ReflectSettings settings;
        try {
            settings = new ReflectSettings(k, seed, sampling.steps, sampling.context, !noEarlyStop, sampling.guidance);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        Backend.start();
        Reflector reflector = ReflectModels.load(new ModelStore(models != null ? models : AppPaths.models()));
        o.printf("# GenEval-lite: %d prompts, seed %d, K %d, %d sampling steps, context %d, early stop %s%n",
                set.prompts().size(), seed, k, sampling.steps, sampling.context, !noEarlyStop ? "on" : "off");
        List<GenEvalLite.Outcome> base = new ArrayList<>();
        List<GenEvalLite.Outcome> reflect = new ArrayList<>();
        long t0 = System.nanoTime();
        double iterMillis = 0;
        int iterations = 0;
        int i = 0;
        for (PromptSet.Prompt p : set.prompts()) {
            ReflectSettings entry = new ReflectSettings(k, PromptSet.entrySeed(seed, i), sampling.steps, sampling.context, !noEarlyStop, sampling.guidance);
            ReflectionRun run = reflector.reflect(p.caption(), entry, it -> { }, () -> false);
            base.add(new GenEvalLite.Outcome(p, run.iterations().get(0).judgeCorrect(), run.iterations().get(0).nfe(), 1));
            reflect.add(new GenEvalLite.Outcome(p, run.last().judgeCorrect(), run.nfe(), run.iterations().size()));
            for (var it : run.iterations()) {
                iterMillis += it.millis();
                iterations++;
            }
            if (++i % 25 == 0) {
                o.printf(Locale.ROOT, "# %d/%d prompts, %.0f s%n", i, set.prompts().size(), (System.nanoTime() - t0) / 1e9);
            }
        }
        Map<Category, Double> b = GenEvalLite.perCategory(base);
        Map<Category, Double> r = GenEvalLite.perCategory(reflect);
        o.printf("%-20s %8s %12s%n", "category", "base K=1", "reflect K=" + k);
        for (Category c : b.keySet()) {
            o.printf(Locale.ROOT, "%-20s %8.3f %12.3f%n", c.key(), b.get(c), r.get(c));
        }
        double ob = GenEvalLite.overall(base);
        double or = GenEvalLite.overall(reflect);
        o.printf(Locale.ROOT, "%-20s %8.3f %12.3f%n", "overall", ob, or);
        List<GenEvalLite.Outcome> fb = base;
        List<GenEvalLite.Outcome> fr = reflect;
        double[] ci = Bootstrap.interval(base.size(), idx -> GenEvalLite.overall(fr, idx) - GenEvalLite.overall(fb, idx), 2000, seed);
        o.printf(Locale.ROOT, "# gain %+.3f, bootstrap 95%% interval [%+.3f, %+.3f] over prompts%n", or - ob, ci[0], ci[1]);
        double meanNfe = reflect.stream().mapToDouble(GenEvalLite.Outcome::nfe).average().orElse(0);
        double meanIters = reflect.stream().mapToInt(GenEvalLite.Outcome::iterations).average().orElse(0);
        o.printf(Locale.ROOT, "# reflect used %.1f iterations and %.1f NFE on average; one iteration took %.0f ms on average; "
                + "%.0f s in all%n", meanIters, meanNfe, iterMillis / Math.max(1, iterations), (System.nanoTime() - t0) / 1e9);
        if (csv != null) {
            try (BufferedWriter w = Files.newBufferedWriter(csv)) {
                w.write("method,k,nfe,category,prompt,seed,score\n");
                for (int j = 0; j < base.size(); j++) {
                    row(w, "base", 1, base.get(j));
                    row(w, "reflect", reflect.get(j).iterations(), reflect.get(j));
                }
            }
            o.println("# wrote " + csv.toAbsolutePath());
        }
        return 0;
    }

    private void row(BufferedWriter w, String method, int iterations, GenEvalLite.Outcome out) throws java.io.IOException {
        w.write(String.format(Locale.ROOT, "%s,%d,%.2f,%s,\"%s\",%d,%d%n", method, iterations, out.nfe(),
                out.prompt().category().key(), out.prompt().text(), seed, out.correct() ? 1 : 0));
    }
}
