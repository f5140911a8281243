package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * Reflection training examples from a {@link SamplePool}, as Reflect-DiT builds them: the context
 * is 1-3 of the base generator's own wrong samples of the prompt with the critic's feedback
 * (different feedback preferred), the target an independent correct sample of the same prompt, so
 * copying the context is never the answer. A prompt with no correct sample is answered by a true
 * render of a scene that satisfies it, through the generator's latent path. Some examples drop the
 * context ({@code contextDrop}; 1.0 gives the SFT control) and some the prompt ({@code promptDrop}).
 *
 * <p>{@link Target#NEAREST} picks, instead of a random correct sample, the correct sample closest to the
 * last context image (in the generator's latent space): the step from a wrong image to a right one is then
 * as small as the pool allows, so what has to change is what the feedback names rather than the whole
 * layout. With a random target the context only says what not to draw again.
 */
public final class PoolExamples implements GeneratorTraining.ExampleSource {

    /** Context pairs per example: up to the three slots every generator has (the paper's max_negatives). */
    private static final int MAX_CONTEXT = 3;

    private final SamplePool pool;
    private final LatentCodec codec;
    private final double contextDrop;
    private final double promptDrop;
    private final Target target;

    /** Which correct sample of the prompt an example with context learns to draw. */
    public enum Target {
        /** Any correct sample, independent of the context (Reflect-DiT's pairing). */
        RANDOM,
        /** The correct sample nearest the last context image: the smallest repair the pool holds. */
        NEAREST
    }

    public PoolExamples(SamplePool pool, LatentCodec codec, double contextDrop, double promptDrop) {
        this(pool, codec, contextDrop, promptDrop, Target.RANDOM);
    }

    public PoolExamples(SamplePool pool, LatentCodec codec, double contextDrop, double promptDrop, Target target) {
        if (pool.entries().isEmpty()) {
            throw new IllegalArgumentException("the sample pool is empty");
        }
        this.pool = pool;
        this.codec = codec;
        this.contextDrop = contextDrop;
        this.promptDrop = promptDrop;
        this.target = target;
    }

    @Override
    public GeneratorTraining.Examples batch(long index, long streamSeed, int size) {
        SplittableRandom r = ShapesWorld.random(streamSeed, index);
        List<Generator.Condition> conds = new ArrayList<>();
        float[][] targets = new float[size][];
        List<Integer> renderRows = new ArrayList<>();
        List<RgbImage> renders = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SamplePool.Entry e = pool.entries().get(r.nextInt(pool.entries().size()));
            List<SamplePool.PoolSample> correct = e.with(SamplePool.Verdict.CORRECT);
            List<SamplePool.PoolSample> wrong = e.with(SamplePool.Verdict.WRONG);
            if (correct.isEmpty()) {
                renderRows.add(i);
                renders.add(SceneRenderer.render(SceneSampler.realize(e.prompt(), r).orElseThrow(), 32));
            } else {
                targets[i] = correct.get(r.nextInt(correct.size())).latent();
            }
            boolean dropPrompt = r.nextDouble() < promptDrop;
            boolean dropContext = wrong.isEmpty() || r.nextDouble() < contextDrop;
            List<Generator.ContextPair> pairs = new ArrayList<>();
            if (!dropPrompt && !dropContext) {
                int k = 1 + r.nextInt(Math.min(MAX_CONTEXT, wrong.size()));
                List<SamplePool.PoolSample> context = chooseContext(wrong, k, r);
                for (SamplePool.PoolSample s : context) {
                    pairs.add(new Generator.ContextPair(Nd4j.create(s.contextLatent(), new long[] {s.contextLatent().length}), s.feedback()));
                }
                if (target == Target.NEAREST && !correct.isEmpty()) {
                    targets[i] = nearest(correct, context.get(context.size() - 1).latent()).latent();
                }
            }
            conds.add(new Generator.Condition(e.prompt(), pairs, dropPrompt));
        }
        if (!renders.isEmpty()) {
            INDArray z = codec.encode(renders);
            for (int j = 0; j < renderRows.size(); j++) {
                targets[renderRows.get(j)] = z.getRow(j).dup().data().asFloat();
            }
        }
        return new GeneratorTraining.Examples(conds, Nd4j.create(targets));
    }

    /** The sample whose latent is closest (Euclidean) to {@code to}; the first of equals. */
    static SamplePool.PoolSample nearest(List<SamplePool.PoolSample> samples, float[] to) {
        SamplePool.PoolSample best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (SamplePool.PoolSample s : samples) {
            double d = 0;
            float[] z = s.latent();
            for (int j = 0; j < z.length; j++) {
                double diff = z[j] - to[j];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    /**
     * k of the wrong samples in random order, taking first those whose feedback no earlier pick
     * had (the paper's "no two with the same feedback"), then the rest.
     */
    static List<SamplePool.PoolSample> chooseContext(List<SamplePool.PoolSample> wrong, int k, SplittableRandom r) {
        List<SamplePool.PoolSample> shuffled = new ArrayList<>(wrong);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, r.nextInt(i + 1));
        }
        List<SamplePool.PoolSample> out = new ArrayList<>();
        Set<List<String>> said = new HashSet<>();
        for (SamplePool.PoolSample s : shuffled) {
            if (out.size() < k && said.add(s.feedback())) {
                out.add(s);
            }
        }
        for (SamplePool.PoolSample s : shuffled) {
            if (out.size() < k && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prompts", "the sample pool's prompts (GenEval-style, none of the evaluation prompts)");
        d.put("pool", pool.summary());
        d.put("targets", (target == Target.NEAREST
                ? "with context, the correct sample of the base generator for the prompt nearest the last context image (critic accepts, pixel reader agrees); without, any correct one;"
                : "an independent correct sample of the base generator for the prompt (critic accepts, pixel reader agrees);")
                + " a true render through the latent path where the pool has none");
        d.put("context", contextDrop >= 1.0 ? "none (SFT control)"
                : "1-3 wrong samples of the same prompt with the critic's feedback, different feedback preferred");
        d.put("contextDrop", contextDrop);
        d.put("promptDrop", promptDrop);
        return d;
    }
}
