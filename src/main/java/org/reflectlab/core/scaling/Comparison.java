package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.Feedback;
import org.reflectlab.core.reflect.GenEvalLite;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.stats.Bootstrap;

/**
 * GenEval-lite comparison of the methods at equal compute, every answer scored by the judge:
 * the base generator's one sample and best-of-N over it (the critic's pick among N samples; both from
 * the base model reflection was fine-tuned from, when it is loaded), Reflect-DiT answering with its last image and
 * with the critic's pick among its iterations (best-of-N's rule), optionally an SFT control with
 * best-of-N, and reflection ablations. Each method runs once per prompt at the largest K and
 * is read off at smaller K (see {@link MethodRunner}); all share the first sample's noise.
 */
public final class Comparison {

    public static final String BASE = "base";
    public static final String BEST_OF_N = "best-of-N";
    public static final String REFLECT = "reflect (last)";
    public static final String REFLECT_PICK = "reflect (critic's pick)";
    public static final String SFT_BEST_OF_N = "SFT + best-of-N";

    /** Per method and K, one outcome per prompt (in prompt order). */
    public record Result(List<PromptSet.Prompt> prompts, List<Integer> ks, Map<String, Map<Integer, List<GenEvalLite.Outcome>>> outcomes,
                         List<ReflectionRun> runs, double millisPerIteration) {

        public List<GenEvalLite.Outcome> at(String method, int k) {
            Map<Integer, List<GenEvalLite.Outcome>> m = outcomes.get(method);
            return m == null ? null : m.get(k);
        }
    }

    public record Options(boolean bestOfN, List<ReflectSettings.Ablation> ablations, Generator sft) {
    }

    private final Reflector reflector;

    public Comparison(Reflector reflector) {
        this.reflector = reflector;
    }

    public static String ablationName(ReflectSettings.Ablation a) {
        return "reflect, " + a.label();
    }

    public Result run(PromptSet set, ReflectSettings settings, long seed, List<Integer> ks, Options opt, IntConsumer progress,
                      BooleanSupplier cancelled) {
        List<PromptSet.Prompt> prompts = set.prompts();
        Map<String, Map<Integer, List<GenEvalLite.Outcome>>> out = new LinkedHashMap<>();
        List<ReflectionRun> runs = new ArrayList<>();
        double ms = 0;
        int iterations = 0;
        int done = 0;
        for (int i = 0; i < prompts.size() && !cancelled.getAsBoolean(); i++) {
            PromptSet.Prompt p = prompts.get(i);
            long entry = PromptSet.entrySeed(seed, i);
            ReflectionRun run = reflector.reflect(p.caption(), settings.withSeed(entry), it -> { }, cancelled);
            runs.add(run);
            for (Iteration it : run.iterations()) {
                ms += it.millis();
                iterations++;
            }
            addReflect(out, REFLECT, REFLECT_PICK, p, run, ks);
            // The base model's one sample: best-of-N's first candidate (the same noise as reflection's first).
            Reflector.BestOfN bon = reflector.bestOfN(p.caption(), opt.bestOfN() ? maxK(ks) : 1, entry, settings.samplingSteps(),
                    settings.guidance(), cancelled);
            Iteration first = bon.candidates().get(0);
            add(out, BASE, 1, new GenEvalLite.Outcome(p, first.judgeCorrect(), first.nfe(), 1));
            if (opt.bestOfN()) {
                addBestOfN(out, BEST_OF_N, p, bon, ks);
            }
            if (opt.sft() != null) {
                addBestOfN(out, SFT_BEST_OF_N, p, reflector.bestOfN(opt.sft(), p.caption(), maxK(ks), entry, settings.samplingSteps(),
                        settings.guidance(), cancelled), ks);
            }
            progress.accept(++done);
        }
        // Ablations after the full runs: the shuffled one borrows feedback those runs wrote.
        for (ReflectSettings.Ablation a : opt.ablations()) {
            for (int i = 0; i < runs.size() && !cancelled.getAsBoolean(); i++) {
                PromptSet.Prompt p = prompts.get(i);
                ReflectionRun donor = runs.get((i + runs.size() / 2) % runs.size());
                ReflectionRun run = reflector.reflect(p.caption(), settings.withSeed(PromptSet.entrySeed(seed, i)).withAblation(a),
                        it -> { }, cancelled, (k, own) -> donorFeedback(donor, k));
                addReflect(out, ablationName(a), null, p, run, ks);
                progress.accept(++done);
            }
        }
        return new Result(prompts.subList(0, runs.size()), ks, out, runs, iterations == 0 ? 0 : ms / iterations);
    }

    /** Another prompt's feedback at iteration k (its last complaint if it had stopped by then). */
    static List<String> donorFeedback(ReflectionRun donor, int k) {
        List<String> last = null;
        for (Iteration it : donor.iterations()) {
            if (it.k() > k) {
                break;
            }
            if (!Feedback.isCorrect(it.feedback())) {
                last = it.feedback();
            }
        }
        if (last == null) {
            // The donor never complained: what its critic would say of an empty image.
            return Feedback.sentences(donor.prompt(), List.of());
        }
        return last;
    }

    private static int maxK(List<Integer> ks) {
        return ks.get(ks.size() - 1);
    }

    private static void add(Map<String, Map<Integer, List<GenEvalLite.Outcome>>> out, String method, int k, GenEvalLite.Outcome o) {
        out.computeIfAbsent(method, x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new ArrayList<>()).add(o);
    }

    private static void addReflect(Map<String, Map<Integer, List<GenEvalLite.Outcome>>> out, String last, String pick,
                                   PromptSet.Prompt p, ReflectionRun run, List<Integer> ks) {
        for (int k : ks) {
            List<Iteration> upTo = run.iterations().stream().filter(it -> it.k() <= k).toList();
            if (upTo.isEmpty()) {
                continue;
            }
            Iteration end = upTo.get(upTo.size() - 1);
            add(out, last, k, new GenEvalLite.Outcome(p, end.judgeCorrect(), end.nfe(), upTo.size()));
            if (pick != null) {
                Iteration chosen = upTo.get(Reflector.criticPick(upTo));
                add(out, pick, k, new GenEvalLite.Outcome(p, chosen.judgeCorrect(), end.nfe(), upTo.size()));
            }
        }
    }

    private static void addBestOfN(Map<String, Map<Integer, List<GenEvalLite.Outcome>>> out, String method, PromptSet.Prompt p,
                                   Reflector.BestOfN run, List<Integer> ks) {
        for (int k : ks) {
            if (run.candidates().size() < k) {
                break;
            }
            List<Iteration> first = run.candidates().subList(0, k);
            Iteration chosen = first.get(Reflector.criticPick(first));
            add(out, method, k, new GenEvalLite.Outcome(p, chosen.judgeCorrect(), first.get(k - 1).nfe(), k));
        }
    }

    // Statistics //

    /** Overall score and its 95% interval, resampling distinct prompts (GenEval-lite repeats some). */
    public static double[] scoreInterval(List<GenEvalLite.Outcome> a, long seed) {
        int[][] groups = groups(a);
        return Bootstrap.interval(groups.length, idx -> GenEvalLite.overall(a, expand(groups, idx)), 2000, seed);
    }

    /** Paired difference a - b (same prompts in the same order) and its 95% interval over distinct prompts. */
    public static double[] differenceInterval(List<GenEvalLite.Outcome> a, List<GenEvalLite.Outcome> b, long seed) {
        int[][] groups = groups(a);
        return Bootstrap.interval(groups.length, idx -> {
            int[] e = expand(groups, idx);
            return GenEvalLite.overall(a, e) - GenEvalLite.overall(b, e);
        }, 2000, seed);
    }

    /** Indices of the outcomes of each distinct prompt text. */
    static int[][] groups(List<GenEvalLite.Outcome> outcomes) {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            by.computeIfAbsent(outcomes.get(i).prompt().text(), x -> new ArrayList<>()).add(i);
        }
        return by.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    static int[] expand(int[][] groups, int[] idx) {
        int n = 0;
        for (int g : idx) {
            n += groups[g].length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int g : idx) {
            for (int i : groups[g]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Judge-scored transitions between consecutive iterations: fixes (wrong -> right) and breaks (right -> wrong). */
    public record Transitions(int fromWrong, int fixes, int fromRight, int breaks, double meanChangeAfterWrong, int afterWrong) {
        public double fixRate() {
            return fromWrong == 0 ? Double.NaN : fixes / (double) fromWrong;
        }

        public double breakRate() {
            return fromRight == 0 ? Double.NaN : breaks / (double) fromRight;
        }
    }

    /**
     * How often the critic's verdict (its feedback says correct) differs from the judge's, over every
     * reflection iteration: a false accept ends an early-stopped run on a wrong image.
     */
    public record VerdictAgreement(int iterations, int falseAccepts, int falseRejects) {
        public double disagreeRate() {
            return iterations == 0 ? Double.NaN : (falseAccepts + falseRejects) / (double) iterations;
        }
    }

    public static VerdictAgreement verdicts(List<ReflectionRun> runs) {
        int n = 0;
        int accepts = 0;
        int rejects = 0;
        for (ReflectionRun run : runs) {
            for (Iteration it : run.iterations()) {
                n++;
                if (it.criticSaysCorrect() && !it.judgeCorrect()) {
                    accepts++;
                } else if (!it.criticSaysCorrect() && it.judgeCorrect()) {
                    rejects++;
                }
            }
        }
        return new VerdictAgreement(n, accepts, rejects);
    }

    /** Fix and break rates over all runs; mean pixel change of the iterations that follow a "wrong" from the critic. */
    public static Transitions transitions(List<ReflectionRun> runs) {
        int fromWrong = 0;
        int fixes = 0;
        int fromRight = 0;
        int breaks = 0;
        double change = 0;
        int afterWrong = 0;
        for (ReflectionRun run : runs) {
            List<Iteration> its = run.iterations();
            for (int k = 1; k < its.size(); k++) {
                Iteration prev = its.get(k - 1);
                Iteration cur = its.get(k);
                if (prev.judgeCorrect()) {
                    fromRight++;
                    breaks += cur.judgeCorrect() ? 0 : 1;
                } else {
                    fromWrong++;
                    fixes += cur.judgeCorrect() ? 1 : 0;
                }
                if (!prev.criticSaysCorrect()) {
                    change += cur.change();
                    afterWrong++;
                }
            }
        }
        return new Transitions(fromWrong, fixes, fromRight, breaks, afterWrong == 0 ? Double.NaN : change / afterWrong, afterWrong);
    }
}
