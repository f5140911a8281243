package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.GenEvalLite;
import org.reflectlab.core.reflect.GeneratorTraining;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.Comparison;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "geneval", mixinStandardHelpOptions = true,
        description = {"Score the methods on the GenEval-lite prompts with the judge at equal compute: the base generator (one sample),",
            "best-of-N, Reflect-DiT (last image and the critic's pick among its iterations), optionally an SFT control with best-of-N",
            "and reflection ablations; per K, per category, with bootstrap 95%% intervals over distinct prompts."})
final class GenEvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", defaultValue = "assets/geneval-lite.json", description = "Prompt set (default: ${DEFAULT-VALUE}).")
    Path prompts;
    @Option(names = "--per-category", description = "Only the first N prompts of each category.")
    Integer perCategory;
    @Option(names = "--k", defaultValue = "20", description = "Largest K: reflection iterations and best-of-N samples (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    SamplingOptions sampling;
    @Option(names = "--no-early-stop", description = "Do not stop when the critic says correct.")
    boolean noEarlyStop;
    @Option(names = "--no-best-of-n", description = "Skip best-of-N.")
    boolean noBestOfN;
    @Option(names = "--ablations", description = "Also run reflection with feedback masked, context images masked and feedback shuffled between prompts.")
    boolean ablations;
    @Option(names = "--sft", description = "An SFT control generator (trained on the same correct samples without context) for SFT + best-of-N.")
    String sft;
    @Option(names = "--csv", description = "Write one row per prompt, method and K.")
    Path csv;
    @Mixin
    ModelsFolder models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Outputs.writable(err, "--csv", csv)) {
            return Cli.BAD_INPUT;
        }
        if (!Files.isRegularFile(prompts)) {
            err.println("error: no prompt set at " + prompts + " (make one with: reflectlab prompts)");
            return Cli.BAD_INPUT;
        }
        PromptSet set = PromptSet.read(prompts);
        if (perCategory != null) {
            int most = set.mostPerCategory();
            if (perCategory < 1 || perCategory > most) {
                err.println("error: --per-category must be 1.." + most + " (the prompt set has " + most + " per category), not "
                        + perCategory);
                return Cli.BAD_INPUT;
            }
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
        ModelStore store = models.store();
        Reflector reflector = ReflectModels.load(store);
        Generator sftGenerator = null;
        if (sft != null) {
            sftGenerator = NetworkIO.load(store, sft, Generator.NETWORK);
            if (sftGenerator.config().textGuide()) {
                sftGenerator.useGuide(reflector.codec());
            }
        }
        List<Integer> ks = new ArrayList<>();
        for (int kk : new int[] {1, 2, 4, 8, 12, 16, 20}) {
            if (kk < k) {
                ks.add(kk);
            }
        }
        ks.add(k);
        long distinct = set.prompts().stream().map(PromptSet.Prompt::text).distinct().count();
        o.printf("# GenEval-lite: %d prompts (%d distinct), seed %d, K up to %d, %d sampling steps, guidance %s, context %d, early stop %s%n",
                set.prompts().size(), distinct, seed, k, sampling.steps, sampling.guidance, sampling.context, !noEarlyStop ? "on" : "off");
        o.println(reflector.hasSeparateBase()
                ? "# base and best-of-N sample from '" + ReflectModels.BASE + "' (the model reflection was fine-tuned from); reflect from '"
                        + ReflectModels.GENERATOR + "'"
                : "# base, best-of-N and reflect all sample from '" + ReflectModels.GENERATOR + "'");
        List<ReflectSettings.Ablation> abl = ablations ? List.of(ReflectSettings.Ablation.NO_FEEDBACK, ReflectSettings.Ablation.NO_IMAGES,
                ReflectSettings.Ablation.SHUFFLED_FEEDBACK) : List.of();
        int total = set.prompts().size() * (1 + abl.size());
        long t0 = System.nanoTime();
        Comparison.Result res = new Comparison(reflector).run(set, settings, seed, ks, new Comparison.Options(!noBestOfN, abl, sftGenerator),
                done -> {
                    if (done % 25 == 0) {
                        o.printf(Locale.ROOT, "# %d/%d prompt runs, %.0f s%n", done, total, (System.nanoTime() - t0) / 1e9);
                        o.flush();
                    }
                }, () -> false);
        print(o, res);
        o.printf(Locale.ROOT, "# one reflection iteration (sample + decode + critic + judge, batch 1) took %.0f ms on average; %.0f s in all%n",
                res.millisPerIteration(), (System.nanoTime() - t0) / 1e9);
        if (csv != null) {
            writeCsv(res);
            o.println("# wrote " + csv.toAbsolutePath());
        }
        return 0;
    }

    private void print(PrintWriter o, Comparison.Result res) {
        int kMax = res.ks().get(res.ks().size() - 1);
        o.printf("%-40s", "GenEval-lite overall");
        res.ks().forEach(kk -> o.printf("%8s", "K=" + kk));
        o.printf("  %s%n", "95% interval at K=" + kMax);
        for (String m : res.outcomes().keySet()) {
            o.printf("%-40s", m);
            for (int kk : res.ks()) {
                List<GenEvalLite.Outcome> a = res.at(m, kk);
                o.printf(Locale.ROOT, "%8s", a == null ? "" : String.format(Locale.ROOT, "%.3f", GenEvalLite.overall(a)));
            }
            List<GenEvalLite.Outcome> last = res.at(m, Comparison.BASE.equals(m) ? 1 : kMax);
            double[] ci = Comparison.scoreInterval(last, seed);
            o.printf(Locale.ROOT, "  [%.3f, %.3f]%n", ci[0], ci[1]);
        }
        o.printf("%n%-20s", "category (K=" + kMax + ")");
        List<String> methods = new ArrayList<>(res.outcomes().keySet());
        methods.forEach(m -> o.printf("%14s", shortName(m)));
        o.println();
        for (Category c : Category.GENEVAL) {
            o.printf("%-20s", c.key());
            for (String m : methods) {
                Double v = GenEvalLite.perCategory(res.at(m, Comparison.BASE.equals(m) ? 1 : kMax)).get(c);
                o.printf(Locale.ROOT, "%14s", v == null ? "" : String.format(Locale.ROOT, "%.3f", v));
            }
            o.println();
        }
        o.println();
        List<GenEvalLite.Outcome> base = res.at(Comparison.BASE, 1);
        diff(o, "reflect (last) K=" + kMax + " - base", res.at(Comparison.REFLECT, kMax), base);
        diff(o, "reflect (critic's pick) K=" + kMax + " - base", res.at(Comparison.REFLECT_PICK, kMax), base);
        if (res.at(Comparison.BEST_OF_N, kMax) != null) {
            List<GenEvalLite.Outcome> bon = res.at(Comparison.BEST_OF_N, kMax);
            diff(o, "best-of-N K=" + kMax + " - base", bon, base);
            diff(o, "reflect (last) K=" + kMax + " - best-of-N K=" + kMax, res.at(Comparison.REFLECT, kMax), bon);
            diff(o, "reflect (critic's pick) K=" + kMax + " - best-of-N K=" + kMax, res.at(Comparison.REFLECT_PICK, kMax), bon);
            if (res.at(Comparison.REFLECT, 4) != null) {
                diff(o, "reflect (last) K=4 - best-of-N K=" + kMax, res.at(Comparison.REFLECT, 4), bon);
            }
            if (res.at(Comparison.SFT_BEST_OF_N, kMax) != null) {
                diff(o, "reflect (last) K=" + kMax + " - SFT + best-of-N K=" + kMax, res.at(Comparison.REFLECT, kMax),
                        res.at(Comparison.SFT_BEST_OF_N, kMax));
            }
        }
        for (String m : methods) {
            if (m.startsWith("reflect, ")) {
                diff(o, m + " K=" + kMax + " - base", res.at(m, kMax), base);
            }
        }
        Comparison.Transitions t = Comparison.transitions(res.runs());
        o.printf(Locale.ROOT, "# reflection, judge-scored: fix rate %.3f (%d of %d iterations after a wrong image), break rate %.3f "
                        + "(%d of %d after a right one); mean pixel change %.4f over the %d iterations after the critic said wrong%n",
                t.fixRate(), t.fixes(), t.fromWrong(), t.breakRate(), t.breaks(), t.fromRight(), t.meanChangeAfterWrong(), t.afterWrong());
        Comparison.VerdictAgreement v = Comparison.verdicts(res.runs());
        o.printf(Locale.ROOT, "# critic and judge disagree on %.3f of %d reflection iterations (critic says correct, judge not: %d;"
                + " the reverse: %d)%n", v.disagreeRate(), v.iterations(), v.falseAccepts(), v.falseRejects());
        double meanNfe = res.at(Comparison.REFLECT, kMax).stream().mapToDouble(GenEvalLite.Outcome::nfe).average().orElse(0);
        double meanIters = res.at(Comparison.REFLECT, kMax).stream().mapToInt(GenEvalLite.Outcome::iterations).average().orElse(0);
        o.printf(Locale.ROOT, "# reflect used %.1f iterations and %.1f NFE on average (early stop when the critic says correct)%n",
                meanIters, meanNfe);
        if (res.at(Comparison.BEST_OF_N, kMax) != null) {
            o.printf(Locale.ROOT, "# best-of-N at K=%d used %.1f NFE%n", kMax,
                    res.at(Comparison.BEST_OF_N, kMax).stream().mapToDouble(GenEvalLite.Outcome::nfe).average().orElse(0));
        }
    }

    private void diff(PrintWriter o, String label, List<GenEvalLite.Outcome> a, List<GenEvalLite.Outcome> b) {
        double d = GenEvalLite.overall(a) - GenEvalLite.overall(b);
        double[] ci = Comparison.differenceInterval(a, b, seed);
        o.printf(Locale.ROOT, "# %-52s %+.3f  paired 95%% interval [%+.3f, %+.3f]%n", label, d, ci[0], ci[1]);
    }

    private static String shortName(String m) {
        return switch (m) {
            case Comparison.REFLECT -> "reflect";
            case Comparison.REFLECT_PICK -> "refl. pick";
            case Comparison.SFT_BEST_OF_N -> "SFT+BoN";
            case Comparison.BEST_OF_N -> "best-of-N";
            default -> m.startsWith("reflect, ") ? m.substring(9, Math.min(m.length(), 22)) : m;
        };
    }

    private void writeCsv(Comparison.Result res) throws java.io.IOException {
        org.reflectlab.core.store.AtomicFile.writeText(csv, w -> {
            w.write("method,k,nfe,iterations,category,prompt,seed,score\n");
            for (var m : res.outcomes().entrySet()) {
                for (var byK : m.getValue().entrySet()) {
                    for (GenEvalLite.Outcome out : byK.getValue()) {
                        w.write(String.format(Locale.ROOT, "\"%s\",%d,%.2f,%d,%s,\"%s\",%d,%d%n", m.getKey(), byK.getKey(), out.nfe(),
                                out.iterations(), out.prompt().category().key(), out.prompt().text(), seed, out.correct() ? 1 : 0));
                    }
                }
            }
        });
    }
}
