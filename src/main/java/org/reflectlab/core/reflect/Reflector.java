package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionCheck;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * Reflect-DiT at inference time: generate, let the critic say what is wrong, regenerate with the
 * last few (image, feedback) pairs in context, until the critic says "correct" (early stop) or K
 * iterations are spent. Also best-of-N, the baseline: N independent samples, the critic picks one.
 * The judge scores every image but never influences what happens.
 *
 * <p>Owns its networks: use from one thread at a time.
 */
public final class Reflector {

    private final Generator generator;
    private final LatentCodec codec;
    private final SceneReader critic;
    private final SceneReader judge;
    private final Compute compute;
    private static final int BON_BATCH = 20;
    private Generator base;

    public Reflector(Generator generator, LatentCodec codec, SceneReader critic, SceneReader judge) {
        this.generator = generator;
        this.codec = codec;
        this.critic = critic;
        this.judge = judge;
        this.compute = Compute.of(generator, critic, codec);
    }

    public Compute compute() {
        return compute;
    }

    public Generator generator() {
        return generator;
    }

    /**
     * The generator best-of-N and test-time training sample from: the base model reflection was
     * fine-tuned from, when it is loaded (as the paper compares them); else the reflection model.
     */
    public Generator baseGenerator() {
        return base != null ? base : generator;
    }

    public boolean hasSeparateBase() {
        return base != null;
    }

    public Reflector withBase(Generator baseGenerator) {
        if (baseGenerator != null && baseGenerator.config().textGuide()) {
            baseGenerator.useGuide(codec);
        }
        this.base = baseGenerator;
        return this;
    }

    public LatentCodec codec() {
        return codec;
    }

    public SceneReader critic() {
        return critic;
    }

    public SceneReader judge() {
        return judge;
    }

    /** Scores one image as every method's output is scored: the judge against the prompt. */
    public Iteration judge(int k, Caption prompt, RgbImage image, List<SceneObject> criticSaw, double nfe, long t0) {
        return judged(k, prompt, image, criticSaw, Feedback.sentences(prompt, criticSaw), List.of(), nfe, null, t0);
    }

    /**
     * For the shuffled-feedback ablation: the feedback that goes into context at iteration k in
     * place of the critic's (feedback written about another prompt's attempt).
     */
    public interface FeedbackDonor {
        List<String> feedback(int k, List<String> own);
    }

    /** Runs reflection; each iteration is handed to {@code onIteration} as soon as it is done. */
    public ReflectionRun reflect(Caption prompt, ReflectSettings s, Consumer<Iteration> onIteration, BooleanSupplier cancelled) {
        return reflect(prompt, s, onIteration, cancelled, null);
    }

    /** As above; {@code donor} is used (and needed) only by the shuffled-feedback ablation. */
    public ReflectionRun reflect(Caption prompt, ReflectSettings s, Consumer<Iteration> onIteration, BooleanSupplier cancelled,
                                 FeedbackDonor donor) {
        if (s.ablation() == ReflectSettings.Ablation.SHUFFLED_FEEDBACK && donor == null) {
            throw new IllegalArgumentException("the shuffled-feedback ablation needs feedback from other prompts");
        }
        return continueChain(prompt, s, new Chain(), 1, onIteration, cancelled, donor);
    }

    /**
     * Re-runs reflection from iteration {@code k} of an earlier run with other feedback for that
     * iteration: iterations 1..k stay as they were, iteration k's image goes into context with
     * {@code edit}'s feedback (even if the critic had accepted it), and iterations k+1.. are drawn
     * again from the same noise, so only the feedback differs. Runs to the earlier run's K, and at
     * least one iteration (up to {@link ReflectSettings#MAX_K}).
     */
    public ReflectionRun reflectFrom(ReflectionRun earlier, int k, FeedbackEdit edit, Consumer<Iteration> onIteration,
                                     BooleanSupplier cancelled) {
        if (k < 1 || k > earlier.iterations().size()) {
            throw new IllegalArgumentException("no iteration " + k + " in a run of " + earlier.iterations().size());
        }
        if (k >= ReflectSettings.MAX_K) {
            throw new IllegalArgumentException("iteration " + k + " is the last reflection may reach (K at most " + ReflectSettings.MAX_K + ")");
        }
        ReflectSettings s = earlier.settings();
        if (s.ablation() == ReflectSettings.Ablation.SHUFFLED_FEEDBACK) {
            throw new IllegalArgumentException("a run with shuffled feedback cannot be re-run: its donors are gone");
        }
        ReflectSettings longer = new ReflectSettings(Math.max(s.k(), k + 1), s.seed(), s.samplingSteps(), s.contextSize(), s.earlyStop(),
                s.guidance(), s.ablation());
        Chain chain = new Chain();
        for (Iteration it : earlier.iterations().subList(0, k)) {
            chain.done.add(it);
            chain.previous = it.image();
            chain.nfe = it.nfe();
            if (it.k() < k && !it.criticSaysCorrect()) {
                chain.remember(contextPair(encode(it.image()), it.feedback(), it.k(), s.ablation(), null), it.feedback(), it.k());
            }
        }
        chain.remember(contextPair(encode(chain.previous), edit.words(), k, edit.ablation(), edit.donor()), edit.words(), k);
        chain.nfe += compute.encode();
        return continueChain(earlier.prompt(), longer, chain, k + 1, onIteration, cancelled, null);
    }

    /** The feedback a learner gives one iteration: the words, and which ablation's masking applies to them. */
    public record FeedbackEdit(List<String> words, ReflectSettings.Ablation ablation, FeedbackDonor donor) {

        public FeedbackEdit {
            words = List.copyOf(words);
            if (ablation == ReflectSettings.Ablation.SHUFFLED_FEEDBACK && donor == null) {
                throw new IllegalArgumentException("another prompt's feedback needs a donor");
            }
        }

        /** The learner's own words, read as the critic's would be. */
        public static FeedbackEdit words(List<String> words) {
            return new FeedbackEdit(words, ReflectSettings.Ablation.NONE, null);
        }
    }

    /** What a chain of iterations has built up: the iterations, the context memory, and the compute spent. */
    private static final class Chain {
        final List<Iteration> done = new ArrayList<>();
        final List<Generator.ContextPair> memory = new ArrayList<>();
        final List<List<String>> said = new ArrayList<>();
        final List<Integer> memoryFrom = new ArrayList<>();
        double nfe;
        RgbImage previous;

        void remember(Generator.ContextPair pair, List<String> feedback, int k) {
            memory.add(pair);
            said.add(feedback);
            memoryFrom.add(k);
        }
    }

    private INDArray encode(RgbImage image) {
        return codec.encode(List.of(image)).getRow(0).dup();
    }

    private ReflectionRun continueChain(Caption prompt, ReflectSettings s, Chain chain, int fromK, Consumer<Iteration> onIteration,
                                        BooleanSupplier cancelled, FeedbackDonor donor) {
        boolean early = false;
        for (int k = fromK; k <= s.k() && !cancelled.getAsBoolean(); k++) {
            long t0 = System.nanoTime();
            List<Integer> chosen = chooseContext(chain.said, s.contextSize());
            List<Generator.ContextPair> context = new ArrayList<>();
            List<Integer> contextFrom = new ArrayList<>();
            for (int i : chosen) {
                context.add(chain.memory.get(i));
                contextFrom.add(chain.memoryFrom.get(i));
            }
            INDArray z = generator.sample(new Generator.Condition(prompt, List.copyOf(context)), 1, s.samplingSteps(),
                    ShapesWorld.random(s.seed(), k).nextLong(), s.guidance());
            RgbImage image = codec.decode(z).get(0);
            List<SceneObject> seen = critic.read(List.of(image)).get(0);
            List<String> feedback = Feedback.sentences(prompt, seen);
            chain.nfe += s.samplingNfe() + compute.decode() + compute.criticCall();
            Iteration it = judged(k, prompt, image, seen, feedback, contextFrom, chain.nfe, chain.previous, t0);
            chain.done.add(it);
            onIteration.accept(it);
            chain.previous = image;
            if (it.criticSaysCorrect() && s.earlyStop()) {
                early = true;
                break;
            }
            // Only failures go into context, as in training (with early stop off, an accepted image is not one).
            if (k < s.k() && !it.criticSaysCorrect()) {
                // The generator reads images as it was trained to: encoded back into the latent.
                chain.remember(contextPair(encode(image), feedback, k, s.ablation(), donor), feedback, k);
                chain.nfe += compute.encode();
            }
        }
        List<Iteration> done = chain.done;
        return new ReflectionRun(prompt, s, done, early, cancelled.getAsBoolean() && !early && done.size() < s.k());
    }

    /**
     * Which past attempts go into context (indices, oldest first): the most recent ones whose
     * feedback differs from every later pick (the paper: no two with the same feedback), then, if
     * fewer than {@code size} differ, the most recent of the rest; as training picks its context.
     */
    static List<Integer> chooseContext(List<List<String>> feedback, int size) {
        List<Integer> picked = new ArrayList<>();
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (int i = feedback.size() - 1; i >= 0 && picked.size() < size; i--) {
            if (seen.add(feedback.get(i))) {
                picked.add(i);
            }
        }
        for (int i = feedback.size() - 1; i >= 0 && picked.size() < size; i--) {
            if (!picked.contains(i)) {
                picked.add(i);
            }
        }
        picked.sort(null);
        return picked;
    }

    static Generator.ContextPair contextPair(INDArray latent, List<String> feedback, int k, ReflectSettings.Ablation a,
                                             FeedbackDonor donor) {
        return switch (a) {
            case NONE -> new Generator.ContextPair(latent, feedback);
            case NO_FEEDBACK -> new Generator.ContextPair(latent, List.of());
            case NO_IMAGES -> new Generator.ContextPair(latent, feedback, true);
            case SHUFFLED_FEEDBACK -> new Generator.ContextPair(latent, donor.feedback(k, feedback));
        };
    }

    /**
     * Best-of-N: N independent samples from the prompt alone; the critic picks the one it finds
     * fewest problems with (the first such on a tie). Returns every candidate in order.
     */
    public BestOfN bestOfN(Caption prompt, int n, long seed, int samplingSteps, BooleanSupplier cancelled) {
        return bestOfN(prompt, n, seed, samplingSteps, ReflectSettings.DEFAULT_GUIDANCE, cancelled);
    }

    public BestOfN bestOfN(Caption prompt, int n, long seed, int samplingSteps, double guidance, BooleanSupplier cancelled) {
        return bestOfN(baseGenerator(), prompt, n, seed, samplingSteps, guidance, cancelled);
    }

    /**
     * Best-of-N with any generator of the same latent space (e.g. the SFT control). Candidates are
     * drawn in batches (a batch costs far less than its images one by one at this size), each from
     * its own seed, so candidate i is what a batch of one would give.
     */
    public BestOfN bestOfN(Generator g, Caption prompt, int n, long seed, int samplingSteps, double guidance,
                           BooleanSupplier cancelled) {
        List<Iteration> candidates = new ArrayList<>();
        double nfe = 0;
        for (int from = 1; from <= n && !cancelled.getAsBoolean(); from += BON_BATCH) {
            long t0 = System.nanoTime();
            int m = Math.min(BON_BATCH, n - from + 1);
            List<Generator.Condition> conds = new ArrayList<>();
            long[] seeds = new long[m];
            for (int j = 0; j < m; j++) {
                conds.add(new Generator.Condition(prompt, List.of()));
                seeds[j] = ShapesWorld.random(seed, from + j).nextLong();
            }
            List<RgbImage> images = codec.decode(g.sample(conds, seeds, samplingSteps, guidance));
            List<List<SceneObject>> seen = critic.read(images);
            List<List<SceneObject>> judged = judge.read(images);
            long each = (System.nanoTime() - t0) / m;
            for (int j = 0; j < m; j++) {
                nfe += Generator.samplingNfe(samplingSteps, guidance) + compute.decode() + compute.criticCall();
                candidates.add(new Iteration(from + j, images.get(j), seen.get(j), Feedback.sentences(prompt, seen.get(j)), List.of(),
                        judged.get(j), CaptionCheck.satisfies(prompt, judged.get(j)), Feedback.sentences(prompt, judged.get(j)), nfe, 0,
                        each / 1_000_000));
            }
        }
        return new BestOfN(prompt, candidates, criticPick(candidates));
    }

    /** Best-of-N's rule: the candidate with the best critic score, the first such on a tie; -1 if none. */
    public static int criticPick(List<Iteration> candidates) {
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            int score = Feedback.score(candidates.get(i).feedback());
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private Iteration judged(int k, Caption prompt, RgbImage image, List<SceneObject> seen, List<String> feedback,
                             List<Integer> contextFrom, double nfe, RgbImage previous, long t0) {
        List<SceneObject> judged = judge.read(List.of(image)).get(0);
        boolean correct = CaptionCheck.satisfies(prompt, judged);
        return new Iteration(k, image, seen, feedback, contextFrom, judged, correct, Feedback.sentences(prompt, judged),
                nfe, previous == null ? 0 : meanAbsDiff(previous, image), (System.nanoTime() - t0) / 1_000_000);
    }

    public static double meanAbsDiff(RgbImage a, RgbImage b) {
        float[] x = a.data();
        float[] y = b.data();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] - y[i]);
        }
        return s / x.length;
    }

    /** The outcome of best-of-N: every candidate, and which one the critic chose. */
    public record BestOfN(Caption prompt, List<Iteration> candidates, int chosen) {

        public Iteration choice() {
            return chosen < 0 ? null : candidates.get(chosen);
        }
    }
}
