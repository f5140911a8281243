package org.reflectlab.core.concepts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.GeneratorNet;
import org.reflectlab.core.reflect.Feedback;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.train.FastTrainer;
import org.reflectlab.core.train.StepResult;
import org.reflectlab.core.text.Phrase;

/**
 * Test-time training's objective under a learning-rate sweep: the Scaling workspace's TTT (Adam on the
 * generator's prompt-reading layers, flow-matching loss, the base generator's own samples that the
 * critic accepts for this one prompt as targets), here on one fixed batch (fixed times and noise), so
 * the curve is the objective itself and not batch noise. A fresh copy of the generator per rate; the
 * shipped weights are never touched.
 */
public final class TttConvergence {

    static final List<String> TRAINABLE_PREFIXES = List.of("gen/prompt", "gen/guide");

    public record Settings(long seed, List<Double> rates, int steps, int batch, int candidates, int samplingSteps) {

        public static Settings defaults(long seed) {
            return new Settings(seed, List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1), 40, 8, 8, 8);
        }

        public Settings {
            rates = List.copyOf(rates);
            if (rates.isEmpty() || rates.stream().anyMatch(r -> !(r > 0) || r > 10)) {
                throw new IllegalArgumentException("learning rates must be in (0, 10]");
            }
            if (steps < 2 || steps > 2000 || batch < 1 || candidates < 1 || samplingSteps < 1) {
                throw new IllegalArgumentException("steps 2..2000, batch, candidates and sampling steps >= 1");
            }
        }
    }

    /** One rate's loss per step (the loss of the fixed batch before each update). */
    public record Curve(double rate, double[] losses, int rejectedSteps) {

        public double initial() {
            return losses[0];
        }

        public double last() {
            return losses[losses.length - 1];
        }

        public double min() {
            double m = Double.POSITIVE_INFINITY;
            for (double l : losses) {
                m = Math.min(m, Double.isFinite(l) ? l : m);
            }
            return m;
        }

        /** diverged: non-finite, ends above its start or peaks at over 1.5x its start; slow: under 10% lower; else converging. */
        public String status() {
            double peak = 0;
            for (double l : losses) {
                peak = Double.isFinite(l) ? Math.max(peak, l) : Double.POSITIVE_INFINITY;
            }
            if (!Double.isFinite(last()) || last() > initial() || peak > 1.5 * initial() || rejectedSteps > 0) {
                return "diverged";
            }
            return last() > 0.9 * initial() ? "slow" : "converging";
        }
    }

    public record Result(Settings settings, String prompt, int accepted, int drawn, List<Curve> curves) {

        /** The table's lines: the title a phrase (the app translates it), the fixed-width columns as the CLI prints them. */
        public List<Phrase> table() {
            List<Phrase> out = new ArrayList<>();
            out.add(new Phrase("concepts.table.ttt.title", prompt, accepted, drawn,
                    accepted == 0 ? new Phrase("concepts.table.ttt.none-accepted") : Phrase.none(), settings.batch(),
                    settings.steps(), settings.seed()));
            out.add(Phrase.literal(String.format(Locale.ROOT, "%9s %10s %10s %10s %10s %9s  %s", "lr", "L(step 0)", "L(final)", "min L",
                    "final/0", "rejected", "status")));
            for (Curve c : curves) {
                out.add(Phrase.literal(String.format(Locale.ROOT, "%9.0e %10.4f %10.4f %10.4f %10.3f %9d  %s", c.rate(), c.initial(), c.last(),
                        c.min(), c.last() / c.initial(), c.rejectedSteps(), c.status())));
            }
            return out;
        }
    }

    private TttConvergence() {
    }

    public static Result run(Reflector reflector, Caption prompt, Settings s, Progress progress) {
        Generator base = reflector.baseGenerator();
        Generator.Condition cond = new Generator.Condition(prompt, List.of());
        progress.update(0, s.rates().size() + 1, new Phrase("concepts.progress.drawing", s.candidates()));
        INDArray z = base.sample(cond, s.candidates(), s.samplingSteps(), s.seed(), 2.0);
        List<RgbImage> images = reflector.codec().decode(z);
        List<List<SceneObject>> seen = reflector.critic().read(images);
        List<INDArray> targets = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (Feedback.isCorrect(Feedback.sentences(prompt, seen.get(i)))) {
                targets.add(z.getRow(i).dup());
            }
        }
        int accepted = targets.size();
        if (targets.isEmpty()) {
            for (int i = 0; i < s.candidates(); i++) {
                targets.add(z.getRow(i).dup());
            }
        }
        INDArray[] batch = fixedBatch(base, cond, targets, s.batch(), s.seed());
        List<Curve> curves = new ArrayList<>();
        for (int r = 0; r < s.rates().size(); r++) {
            progress.check();
            double rate = s.rates().get(r);
            progress.update(r + 1, s.rates().size() + 1, new Phrase("concepts.progress.rate", rate));
            curves.add(curve(base, batch, rate, s.steps(), progress));
        }
        return new Result(s, prompt.text(), accepted, s.candidates(), curves);
    }

    static Curve curve(Generator base, INDArray[] batch, double rate, int steps, Progress progress) {
        Params params = new Params(base.params().seed());
        params.putAll(base.params().snapshot());
        Generator copy = new Generator(base.config(), params);
        if (base.guideCodec() != null) {
            copy.useGuide(base.guideCodec());
        }
        GeneratorNet backprop = GeneratorNet.training(copy);
        FastTrainer trainer = new FastTrainer(params, backprop.grads(), backprop::step, Map.of(Generator.LOSS_FLOW, 1.0),
                new FixedSchedule(rate), name -> TRAINABLE_PREFIXES.stream().anyMatch(name::startsWith));
        org.nd4j.linalg.dataset.MultiDataSet data = new org.nd4j.linalg.dataset.MultiDataSet(batch, new INDArray[0]);
        double[] losses = new double[steps];
        int rejected = 0;
        for (int i = 0; i < steps; i++) {
            progress.check();
            StepResult res = trainer.step(data);
            losses[i] = res.loss();
            rejected += res.nonFinite() ? 1 : 0;
        }
        return new Curve(rate, losses, rejected);
    }

    /** One batch of (x_t, t, condition, v_target) with fixed times and noise, so every step sees the same objective. */
    static INDArray[] fixedBatch(Generator g, Generator.Condition cond, List<INDArray> targets, int n, long seed) {
        int dim = g.config().latent();
        SplittableRandom r = ShapesWorld.random(seed, 7_100_003);
        INDArray x1 = Nd4j.create(DataType.FLOAT, n, dim);
        double[] t = new double[n];
        float[] tf = new float[n];
        List<Generator.Condition> conds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x1.putRow(i, targets.get(i % targets.size()));
            t[i] = (i + r.nextDouble()) / n; // stratified over [0, 1)
            tf[i] = (float) t[i];
            conds.add(cond);
        }
        INDArray x0 = Generator.noise(n, dim, r.nextLong());
        INDArray tCol = Nd4j.create(tf, new long[] {n, 1}, 'c');
        INDArray xt = x0.mul(tCol.rsub(1.0)).addi(x1.mul(tCol));
        Map<String, INDArray> in = new HashMap<>(g.inputs(conds, xt, t));
        in.put("v_target", g.flowTarget(x0, x1));
        return g.features().stream().map(in::get).toArray(INDArray[]::new);
    }
}
