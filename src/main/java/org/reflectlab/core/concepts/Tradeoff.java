package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.text.Phrase;

/**
 * Train-time vs test-time compute, on what exists: the shipped generator checkpoints (generator-base,
 * and generator = base + reflection fine-tuning; their manifests state their steps and batch) and a
 * stored sweep (best-of-N samples from the base, Reflect-DiT from the fine-tuned one). Total FLOPs per
 * prompt = training FLOPs (steps x batch x 3 forward passes, amortised over P prompts) + inference FLOPs
 * (the sweep's NFE x one forward pass). Only these two training budgets are measured.
 */
public final class Tradeoff {

    /** One (checkpoint, method, K) point. */
    public record Point(String checkpoint, String method, int k, double quality, double trainFlops, double inferenceFlops,
                        double totalFlops) {
    }

    public record Checkpoint(String name, long steps, int batch, double trainFlops) {
    }

    public record Result(String sweep, int prompts, List<Checkpoint> checkpoints, List<Point> points, List<Phrase> verdicts) {

        /** The table's lines: sentences as phrases (the app translates them), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.tradeoff.title", sweep, prompts));
            for (Checkpoint c : checkpoints) {
                out.add(new Phrase("concepts.table.tradeoff.checkpoint", c.name(), c.steps(), c.batch(), c.trainFlops()));
            }
            out.add(Phrase.literal(String.format(Locale.ROOT, "%-15s %-8s %4s %8s %14s %14s %14s", "checkpoint", "method", "K", "quality",
                    "train/prompt", "inference", "total")));
            for (Point p : points) {
                out.add(Phrase.literal(String.format(Locale.ROOT, "%-15s %-8s %4d %8.3f %14.3e %14.3e %14.3e", p.checkpoint(), p.method(), p.k(),
                        p.quality(), p.trainFlops(), p.inferenceFlops(), p.totalFlops())));
            }
            out.addAll(verdicts);
            return out;
        }
    }

    private Tradeoff() {
    }

    public static Result measure(ConceptsModels models, String sweepName, int prompts) throws java.io.IOException, ModelStoreException {
        if (prompts < 1) {
            throw new IllegalArgumentException("prompts must be >= 1");
        }
        ConceptsModels.StoredSweep sweep = models.sweep(sweepName);
        if (sweep == null) {
            throw new IllegalArgumentException("no stored sweep: run `reflectlab sweep --quick` first");
        }
        Reflector r = models.reflector();
        Manifest base = models.store().verify("generator-base");
        Manifest tuned = models.store().verify("generator");
        double baseFwd = r.baseGenerator().forwardFlops();
        double tunedFwd = r.generator().forwardFlops();
        Checkpoint cb = new Checkpoint("generator-base", arg(base, "--steps"), (int) arg(base, "--batch"), 0);
        cb = new Checkpoint(cb.name(), cb.steps(), cb.batch(), 3.0 * cb.steps() * cb.batch() * baseFwd);
        long tunedSteps = arg(tuned, "--steps");
        Checkpoint ct = new Checkpoint("generator", cb.steps() + tunedSteps, (int) arg(tuned, "--batch"),
                cb.trainFlops() + 3.0 * tunedSteps * arg(tuned, "--batch") * tunedFwd);
        List<Point> points = new ArrayList<>();
        points.addAll(points(sweep.rows(), "bon", cb, baseFwd, prompts));
        points.addAll(points(sweep.rows(), "reflect", ct, tunedFwd, prompts));
        return new Result(sweep.name(), prompts, List.of(cb, ct), points, verdicts(points));
    }

    private static List<Point> points(List<SweepRow> rows, String method, Checkpoint c, double fwd, int prompts) {
        TreeMap<Integer, double[]> perK = new TreeMap<>();
        for (SweepRow row : rows) {
            if (row.method().id().equals(method)) {
                double[] a = perK.computeIfAbsent(row.k(), k -> new double[3]);
                a[0] += row.score();
                a[1] += row.nfe();
                a[2]++;
            }
        }
        List<Point> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : perK.entrySet()) {
            double[] a = e.getValue();
            double train = c.trainFlops() / prompts;
            double inf = a[1] / a[2] * fwd;
            out.add(new Point(c.name(), method, e.getKey(), a[0] / a[2], train, inf, train + inf));
        }
        return out;
    }

    /** Marginal quality per extra FLOP: more samples at fixed training, or more training at fixed K. */
    static List<Phrase> verdicts(List<Point> points) {
        List<Phrase> out = new ArrayList<>();
        List<Point> bon = points.stream().filter(p -> p.method().equals("bon")).toList();
        List<Point> ref = points.stream().filter(p -> p.method().equals("reflect")).toList();
        for (Point b : bon) {
            Point next = bon.stream().filter(p -> p.k() > b.k()).findFirst().orElse(null);
            Point trained = ref.stream().filter(p -> p.k() == b.k()).findFirst().orElse(null);
            if (next == null || trained == null) {
                continue;
            }
            double perInf = (next.quality() - b.quality()) / (next.totalFlops() - b.totalFlops());
            double perTrain = (trained.quality() - b.quality()) / (trained.totalFlops() - b.totalFlops());
            out.add(new Phrase(perInf >= perTrain ? "concepts.table.tradeoff.inference" : "concepts.table.tradeoff.training", b.k(),
                    next.k(), perInf * 1e9, perTrain * 1e9));
        }
        return out;
    }

    /** A numeric option of the manifest's command line (e.g. --steps 3000). */
    static long arg(Manifest m, String option) {
        Matcher x = Pattern.compile(Pattern.quote(option) + "\\s+(\\d+)").matcher(m.command() == null ? "" : m.command());
        if (!x.find()) {
            throw new IllegalArgumentException("the " + m.name() + " manifest does not state " + option);
        }
        return Long.parseLong(x.group(1));
    }
}
