package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.reflect.Compute;
import org.reflectlab.core.reflect.Feedback;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.train.FastTrainer;
import org.reflectlab.core.train.SdTrainer;
import org.reflectlab.core.train.StepTrainer;

/**
 * Test-time training at a budget of K samples' worth of compute: draw half the budget as plain
 * samples (the same seeds best-of-N uses), fine-tune a copy of the generator's prompt-reading
 * layers on the samples the critic accepts (flow-matching loss, the sampled latents as targets),
 * then spend what is left on samples from the adapted copy. The critic picks the answer; on a tie
 * the adapted model's later sample wins, since adapting is the point of the method. When the
 * critic accepts nothing there is nothing to train on, and the rest of the budget goes to more
 * plain samples. The original generator's weights are never touched.
 */
public final class TestTimeTraining {

    /** Only these layers adapt: how the prompt is read into the transformer. */
    static final List<String> TRAINABLE_PREFIXES = List.of("gen/prompt", "gen/guide");
    public static final int BATCH = 4;
    static final double LEARNING_RATE = 1e-3;

    private final Reflector reflector;
    private final Compute compute;

    public TestTimeTraining(Reflector reflector) {
        this.reflector = reflector;
        this.compute = reflector.compute();
    }

    /** One sample's cost in NFE: sampling, decoding to pixels, one critic call. */
    public double sampleNfe(int samplingSteps, double guidance) {
        return Generator.samplingNfe(samplingSteps, guidance) + compute.decode() + compute.criticCall();
    }

    /** Cost of one gradient step on a batch, in NFE (forward + backward per example). */
    public double gradientStepNfe() {
        return compute.gradientStep() * BATCH;
    }

    /** How a budget of k samples splits: plain samples first, then gradient steps, then adapted samples. */
    public record Plan(int explore, int gradientSteps, int adapted) {
    }

    public Plan plan(int k, int samplingSteps, double guidance) {
        double s = sampleNfe(samplingSteps, guidance);
        int explore = Math.max(1, k / 2);
        double left = (k - explore) * s;
        int adapted = Math.max(0, (int) Math.ceil((k - explore) / 2.0));
        double trainBudget = left - adapted * s;
        int steps = (int) Math.floor(trainBudget / gradientStepNfe());
        if (steps < 1) {
            // Too little budget to adapt: spend it all on plain samples instead.
            return new Plan(k, 0, 0);
        }
        return new Plan(explore, steps, adapted);
    }

    /** The outcome: every image drawn (in order) and which one the critic chose. */
    public record Outcome(List<Iteration> samples, int chosen, int gradientSteps, double nfe, boolean adapted) {

        public Iteration choice() {
            return samples.get(chosen);
        }
    }

    public Outcome run(Caption prompt, int k, long seed, int samplingSteps, double guidance, BooleanSupplier cancelled) {
        Plan plan = plan(k, samplingSteps, guidance);
        double perSample = sampleNfe(samplingSteps, guidance);
        List<Iteration> samples = new ArrayList<>();
        List<INDArray> accepted = new ArrayList<>();
        double nfe = 0;
        int index = 1;
        for (; index <= plan.explore() && !cancelled.getAsBoolean(); index++) {
            nfe += perSample;
            Iteration it = draw(reflector.baseGenerator(), prompt, seed, index, samplingSteps, guidance, nfe, accepted);
            samples.add(it);
        }
        int steps = 0;
        Generator drawFrom = reflector.baseGenerator();
        boolean adapted = false;
        if (plan.gradientSteps() > 0 && !accepted.isEmpty() && !cancelled.getAsBoolean()) {
            Generator copy = adaptedCopy(prompt, accepted, plan.gradientSteps(), seed, cancelled);
            steps = plan.gradientSteps();
            nfe += steps * gradientStepNfe();
            drawFrom = copy;
            adapted = true;
        }
        int remaining = adapted ? plan.adapted() : k - plan.explore();
        for (int j = 0; j < remaining && !cancelled.getAsBoolean(); j++, index++) {
            nfe += perSample;
            samples.add(draw(drawFrom, prompt, seed, index, samplingSteps, guidance, nfe, null));
        }
        return new Outcome(samples, pick(samples), steps, nfe, adapted);
    }

    /** The critic's choice: fewest complaints, ties to the later sample. */
    static int pick(List<Iteration> samples) {
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < samples.size(); i++) {
            int score = Feedback.score(samples.get(i).feedback());
            if (score >= bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private Iteration draw(Generator g, Caption prompt, long seed, int index, int samplingSteps, double guidance,
                           double nfe, List<INDArray> acceptedOut) {
        long t0 = System.nanoTime();
        INDArray z = g.sample(new Generator.Condition(prompt, List.of()), 1, samplingSteps,
                ShapesWorld.random(seed, index).nextLong(), guidance);
        RgbImage image = reflector.codec().decode(z).get(0);
        List<SceneObject> seen = reflector.critic().read(List.of(image)).get(0);
        if (acceptedOut != null && Feedback.isCorrect(Feedback.sentences(prompt, seen))) {
            acceptedOut.add(z.getRow(0).dup());
        }
        return reflector.judge(index, prompt, image, seen, nfe, t0);
    }

    /**
     * Wall-clock cost of a test-time-training gradient step against one NFE, measured on this
     * machine: {@code [ms per NFE, ms per gradient step, step / (NFE x batch)]}. The sweep counts
     * compute by FLOPs (3 NFE per example); this says how that compares with time here.
     */
    public double[] measureStepCost(Caption prompt, int repeats) {
        Generator g = reflector.baseGenerator();
        Generator.Condition cond = new Generator.Condition(prompt, List.of());
        g.sample(cond, 1, 2, 1, 1.0);
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            g.sample(cond, 1, 1, i, 1.0);
        }
        double msPerNfe = (System.nanoTime() - t0) / 1e6 / repeats;
        List<INDArray> targets = List.of(g.sample(cond, 1, 2, 7, 1.0).getRow(0).dup());
        adaptedCopy(prompt, targets, 2, 3, () -> false);
        long t1 = System.nanoTime();
        adaptedCopy(prompt, targets, repeats, 3, () -> false);
        long t2 = System.nanoTime();
        adaptedCopy(prompt, targets, 1, 3, () -> false);
        long t3 = System.nanoTime();
        // the copy's set-up cost is taken out by subtracting a one-step run
        double msPerStep = ((t2 - t1) - (t3 - t2)) / 1e6 / (repeats - 1);
        return new double[] {msPerNfe, msPerStep, msPerStep / (msPerNfe * BATCH)};
    }

    /** A copy of the generator whose prompt layers took {@code steps} flow-matching steps on the accepted latents. */
    Generator adaptedCopy(Caption prompt, List<INDArray> accepted, int steps, long seed, BooleanSupplier cancelled) {
        Generator base = reflector.baseGenerator();
        Params params = new Params(base.params().seed());
        params.putAll(base.params().snapshot());
        Generator copy = new Generator(base.config(), params);
        if (base.guideCodec() != null) {
            copy.useGuide(base.guideCodec());
        }
        StepTrainer trainer = FastPath.enabled()
                ? fastTrainer(copy, params)
                : graphTrainer(copy, params);
        SplittableRandom r = ShapesWorld.random(seed, 7_000_003);
        for (int i = 0; i < steps && !cancelled.getAsBoolean(); i++) {
            trainer.step(batch(copy, prompt, accepted, r));
        }
        return copy;
    }

    private static StepTrainer fastTrainer(Generator copy, Params params) {
        org.reflectlab.core.nn.generator.GeneratorNet backprop = org.reflectlab.core.nn.generator.GeneratorNet.training(copy);
        return new FastTrainer(params, backprop.grads(), backprop::step, Map.of(Generator.LOSS_FLOW, 1.0),
                new FixedSchedule(LEARNING_RATE), name -> TRAINABLE_PREFIXES.stream().anyMatch(name::startsWith));
    }

    /** The reference: SameDiff's graph with every other layer turned into constants. */
    private static StepTrainer graphTrainer(Generator copy, Params params) {
        SameDiff sd = copy.graph();
        List<SDVariable> frozen = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE
                    && TRAINABLE_PREFIXES.stream().noneMatch(p -> v.name().startsWith(p))) {
                frozen.add(v);
            }
        }
        sd.convertToConstants(frozen);
        return new SdTrainer(sd, params, copy.features(), Generator.LOSS, Map.of(Generator.LOSS_FLOW, 1.0),
                new FixedSchedule(LEARNING_RATE));
    }

    private static org.nd4j.linalg.dataset.api.MultiDataSet batch(Generator g, Caption prompt, List<INDArray> accepted,
                                                                 SplittableRandom r) {
        int dim = g.config().latent();
        INDArray x1 = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, BATCH, dim);
        double[] t = new double[BATCH];
        float[] tf = new float[BATCH];
        List<Generator.Condition> conds = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            x1.putRow(i, accepted.get(i % accepted.size()));
            t[i] = r.nextDouble();
            tf[i] = (float) t[i];
            conds.add(new Generator.Condition(prompt, List.of()));
        }
        INDArray x0 = Generator.noise(BATCH, dim, r.nextLong());
        INDArray tCol = Nd4j.create(tf, new long[] {BATCH, 1}, 'c');
        INDArray xt = x0.mul(tCol.rsub(1.0)).addi(x1.mul(tCol));
        Map<String, INDArray> in = new HashMap<>(g.inputs(conds, xt, t));
        in.put("v_target", g.flowTarget(x0, x1));
        INDArray[] features = g.features().stream().map(in::get).toArray(INDArray[]::new);
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }
}
