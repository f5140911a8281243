package org.reflectlab.core.nn.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.FastPath;
import org.reflectlab.core.nn.fast.KernelSet;

/**
 * A small diffusion transformer over the unified model's image latent, trained by flow
 * matching: from Gaussian noise at t=0 to a latent at t=1 along straight lines, so sampling is
 * a few Euler steps of the learned velocity. It reads, as one token sequence: a time token, the
 * prompt's tokens, up to three previous (image, feedback) pairs (each image as a few latent
 * tokens, each feedback as words), and the noisy latent itself. Context slots that are not used
 * are masked out, which is how the same network generates from the prompt alone.
 *
 * <p>Not thread-safe: one thread owns a generator at a time.
 */
public final class Generator {

    public static final String KIND = "latent-dit-generator";
    /** How the model store saves and loads it; its weights carry the latent codec's statistics too. */
    public static final org.reflectlab.core.nn.NetworkIO.Kind<GeneratorConfig, Generator> NETWORK =
            new org.reflectlab.core.nn.NetworkIO.Kind<>(KIND, "a generator", null, GeneratorConfig::fromMap, Generator::new,
                    p -> {
                        p.get(LatentCodec.MEAN);
                        p.get(LatentCodec.ENCODE);
                        p.get(LatentCodec.DECODE);
                    });
    public static final String LOSS = "loss";
    public static final String LOSS_FLOW = "loss_flow";
    public static final List<String> FEATURES = List.of("xt", "time", "prompt", "ctx_z", "ctx_fb", "mask", "v_target");
    /** With a text guide the batch also carries the prompt's projected unified text latent. */
    public static final List<String> GUIDED_FEATURES = List.of("xt", "time", "prompt", "ctx_z", "ctx_fb", "mask", "v_target", "guide");
    /** Bounds 1 / (1 - t) when a predicted clean latent becomes a velocity near t = 1. */
    static final double MIN_REMAINING_TIME = 0.05;
    static final int TIME_FEATURES = 32;
    /** Prompt tokens the generator reads: GenEval-style prompts are under ten words; descriptions of two objects fit. */
    public static final int PROMPT_TOKENS = 16;

    private final GeneratorConfig cfg;
    private final Params params;
    private SameDiff graph;
    private GeneratorNet fast;
    private final TextGuides guides = new TextGuides();

    public Generator(GeneratorConfig cfg, Params params) {
        this.cfg = cfg;
        this.params = params;
        graph();
    }

    public GeneratorConfig config() {
        return cfg;
    }

    public Params params() {
        return params;
    }

    /** Placeholders of a training batch, in MultiDataSet feature order. */
    public List<String> features() {
        return cfg.textGuide() ? GUIDED_FEATURES : FEATURES;
    }

    /**
     * Where the text guide comes from: the frozen unified model's text encoder, projected by the
     * codec. A guided generator cannot build inputs without it.
     */
    public Generator useGuide(LatentCodec codec) {
        guides.use(codec);
        return this;
    }

    public LatentCodec guideCodec() {
        return guides.codec();
    }

    /** Tokens in the sequence: time, prompt, context images, context feedback, latent. */
    public int sequenceLength() {
        return 1 + PROMPT_TOKENS + cfg.contextPairs() * (cfg.contextImageTokens() + FeedbackVocabulary.MAX_TOKENS)
                + cfg.latentTokens();
    }

    public SameDiff graph() {
        if (graph == null) {
            graph = GeneratorGraph.build(cfg, params, sequenceLength());
        }
        return graph;
    }

    // Inputs //

    /**
     * What a sample is conditioned on: the prompt and 0..contextPairs previous (latent, feedback)
     * pairs. An unconditional one (everything masked) serves classifier-free guidance.
     */
    public record Condition(Caption prompt, List<ContextPair> context, boolean unconditional) {

        public Condition(Caption prompt, List<ContextPair> context) {
            this(prompt, context, false);
        }

        public Condition withoutCondition() {
            return new Condition(prompt, List.of(), true);
        }
    }

    /**
     * A previous attempt: its normalized latent [latent] and the critic's sentences about it. An
     * ablation can hide the image from the generator ({@code imageMasked}); hiding the feedback is
     * an empty sentence list.
     */
    public record ContextPair(INDArray latent, List<String> feedback, boolean imageMasked) {

        public ContextPair(INDArray latent, List<String> feedback) {
            this(latent, feedback, false);
        }
    }

    /** Placeholders for a batch: noisy latents [n, latent], times t in [0, 1]. */
    public Map<String, INDArray> inputs(List<Condition> conditions, INDArray xt, double[] t) {
        int bsz = conditions.size();
        int len = PROMPT_TOKENS;
        int v = Vocabulary.size();
        int pairs = cfg.contextPairs();
        int fbLen = FeedbackVocabulary.MAX_TOKENS;
        int fv = FeedbackVocabulary.size();
        int seq = sequenceLength();
        float[] prompt = new float[bsz * len * v];
        float[] ctxZ = new float[bsz * pairs * cfg.latent()];
        float[] ctxFb = new float[bsz * pairs * fbLen * fv];
        float[] mask = new float[bsz * seq];
        float[] time = new float[bsz * TIME_FEATURES];
        for (int i = 0; i < bsz; i++) {
            Condition c = conditions.get(i);
            if (c.context().size() > pairs) {
                throw new IllegalArgumentException("at most " + pairs + " context pairs, not " + c.context().size());
            }
            int[] ids = Vocabulary.encode(c.prompt());
            int real = Vocabulary.length(ids);
            if (real > len) {
                throw new IllegalArgumentException(tooLong(c.prompt()));
            }
            int m = i * seq;
            mask[m++] = 1; // time token
            for (int p = 0; p < len; p++) {
                prompt[(i * len + p) * v + ids[p]] = 1;
                mask[m++] = p < real && !c.unconditional() ? 1 : 0;
            }
            int ctxImageStart = m;
            int fbStart = ctxImageStart + pairs * cfg.contextImageTokens();
            for (int s = 0; s < pairs; s++) {
                boolean used = s < c.context().size() && !c.unconditional();
                for (int k = 0; k < cfg.contextImageTokens(); k++) {
                    mask[ctxImageStart + s * cfg.contextImageTokens() + k] = used && !c.context().get(s).imageMasked() ? 1 : 0;
                }
                if (!used) {
                    continue;
                }
                ContextPair pair = c.context().get(s);
                float[] z = pair.latent().dup('c').data().asFloat();
                System.arraycopy(z, 0, ctxZ, (i * pairs + s) * cfg.latent(), cfg.latent());
                int[] fb = FeedbackVocabulary.encode(pair.feedback());
                int fbReal = FeedbackVocabulary.length(fb);
                for (int p = 0; p < fbLen; p++) {
                    ctxFb[((i * pairs + s) * fbLen + p) * fv + fb[p]] = 1;
                    mask[fbStart + s * fbLen + p] = p < fbReal ? 1 : 0;
                }
            }
            int latStart = i * seq + seq - cfg.latentTokens();
            for (int k = 0; k < cfg.latentTokens(); k++) {
                mask[latStart + k] = 1;
            }
            timeFeatures(t[i], time, i * TIME_FEATURES);
        }
        Map<String, INDArray> m = new HashMap<>();
        m.put("xt", xt);
        m.put("time", Nd4j.create(time, new long[] {bsz, TIME_FEATURES}, 'c'));
        m.put("prompt", Nd4j.create(prompt, new long[] {bsz, len, v}, 'c'));
        m.put("ctx_z", Nd4j.create(ctxZ, new long[] {bsz, pairs, cfg.latent()}, 'c'));
        m.put("ctx_fb", Nd4j.create(ctxFb, new long[] {bsz, (long) pairs * fbLen, fv}, 'c'));
        m.put("mask", Nd4j.create(mask, new long[] {bsz, seq}, 'c'));
        if (cfg.textGuide()) {
            m.put("guide", guides.of(conditions, cfg.latent()));
        }
        return m;
    }

    /** Whether the generator can read this prompt (it reads at most PROMPT_TOKENS tokens). */
    public static boolean fits(org.reflectlab.core.data.Caption prompt) {
        return Vocabulary.length(Vocabulary.encode(prompt)) <= PROMPT_TOKENS;
    }

    public static String tooLong(org.reflectlab.core.data.Caption prompt) {
        return "The prompt is too long for the generator: it reads at most " + (PROMPT_TOKENS - 1)
                + " words, this one has " + prompt.text().split(" ").length + ".";
    }

    /** Sinusoidal features of t at 16 frequencies from 1 to 1000. */
    static void timeFeatures(double t, float[] out, int offset) {
        int half = TIME_FEATURES / 2;
        for (int k = 0; k < half; k++) {
            double f = Math.exp(Math.log(1000.0) * k / (half - 1));
            out[offset + k] = (float) Math.sin(t * f);
            out[offset + half + k] = (float) Math.cos(t * f);
        }
    }

    // Sampling //

    /**
     * n samples for one condition, by {@code steps} Euler steps from noise seeded by {@code seed}:
     * latents [n, latent]. Costs {@code steps} network evaluations (NFE) per sample.
     */
    public INDArray sample(Condition condition, int n, int steps, long seed) {
        return sample(condition, n, steps, seed, 1.0);
    }

    /**
     * As above with classifier-free guidance: v = v_uncond + w (v_cond - v_uncond). Any w other
     * than 1 evaluates the network twice per step, so it costs 2 x steps NFE.
     */
    public INDArray sample(Condition condition, int n, int steps, long seed, double guidance) {
        List<Condition> conds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            conds.add(condition);
        }
        return sample(conds, steps, seed, guidance);
    }

    /** One sample per condition (a batch), same noise seed scheme. */
    public INDArray sample(List<Condition> conditions, int steps, long seed) {
        return sample(conditions, steps, seed, 1.0);
    }

    public INDArray sample(List<Condition> conditions, int steps, long seed, double guidance) {
        return fromStart(conditions, noise(conditions.size(), cfg.latent(), seed), steps, guidance);
    }

    /** Integrates from noise, or from noise mixed with the text guide at the config's guide start. */
    private INDArray fromStart(List<Condition> conditions, INDArray noise, int steps, double guidance) {
        double t0 = cfg.guideStart();
        if (t0 > 0) {
            noise.muli(1 - t0).addi(guides.of(conditions, cfg.latent()).muli(t0));
        }
        return integrate(conditions, noise, t0, steps, guidance);
    }

    /**
     * One sample per condition, each from its own noise seed: row i is exactly what a batch of one
     * with seeds[i] gives, so batching best-of-N keeps its common random numbers.
     */
    public INDArray sample(List<Condition> conditions, long[] seeds, int steps, double guidance) {
        if (seeds.length != conditions.size()) {
            throw new IllegalArgumentException("one seed per condition");
        }
        INDArray[] rows = new INDArray[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            rows[i] = noise(1, cfg.latent(), seeds[i]);
        }
        return fromStart(conditions, Nd4j.concat(0, rows), steps, guidance);
    }

    /**
     * Euler steps of the learned velocity from time {@code from} to 1, starting at x (modified in
     * place and returned). From 0 this is sampling; from a later time with x = (1-t) noise + t z it
     * re-generates the part of z that the noise hid.
     */
    public INDArray integrate(List<Condition> conditions, INDArray x, double from, int steps, double guidance) {
        if (steps < 1) {
            throw new IllegalArgumentException("at least one sampling step");
        }
        int n = conditions.size();
        boolean guided = guidance != 1.0;
        List<Condition> batch = new ArrayList<>(conditions);
        if (guided) {
            conditions.forEach(c -> batch.add(c.withoutCondition()));
        }
        double dt = (1.0 - from) / steps;
        if (FastPath.enabled() && !KernelSet.reference()) {
            return FastEulerSteps.integrate(this, fast(), batch, n, x, from, dt, steps, guidance);
        }
        for (int s = 0; s < steps; s++) {
            double[] t = new double[batch.size()];
            java.util.Arrays.fill(t, from + s * dt);
            INDArray xs = guided ? Nd4j.concat(0, x, x) : x;
            INDArray v = velocity(inputs(batch, xs, t));
            if (cfg.predictsData()) {
                v.subi(xs).divi(Math.max(MIN_REMAINING_TIME, 1.0 - t[0]));
            }
            if (guided) {
                INDArray vc = v.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n), org.nd4j.linalg.indexing.NDArrayIndex.all());
                INDArray vu = v.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n), org.nd4j.linalg.indexing.NDArrayIndex.all());
                v = vu.add(vc.sub(vu).muli(guidance));
            }
            x.addi(v.mul(dt));
        }
        return x;
    }

    private GeneratorNet fast() {
        if (fast == null) {
            fast = GeneratorNet.inference(this);
        }
        return fast;
    }

    /**
     * What the network learns to output for noise x0 and clean latent x1: the velocity x1 - x0, or x1
     * itself for a data-predicting generator ({@link GeneratorConfig#withDataPrediction}).
     */
    public INDArray flowTarget(INDArray x0, INDArray x1) {
        return cfg.predictsData() ? x1.dup() : x1.sub(x0);
    }

    /** The network's output for a batch of placeholders (one NFE per row): the velocity, or the clean latent. */
    INDArray velocity(Map<String, INDArray> in) {
        if (!FastPath.enabled()) {
            return graph().output(in, "v").get("v");
        }
        return fast().velocity(in);
    }

    /** NFE of one sample: network evaluations per step times steps. */
    public static double samplingNfe(int steps, double guidance) {
        return steps * (guidance != 1.0 ? 2.0 : 1.0);
    }

    public static INDArray noise(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (Math.sqrt(-2 * Math.log(Math.max(1e-12, r.nextDouble()))) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return Nd4j.create(z, new long[] {n, dim}, 'c');
    }

    /** Matrix-multiply FLOPs of one network evaluation (one NFE) for one sample. */
    public long forwardFlops() {
        long d = cfg.width();
        long t = sequenceLength();
        long block = 2 * t * d * d * 4 + 2 * t * t * d * 2 + 2 * t * d * 4 * d * 2;
        long embed = 2L * PROMPT_TOKENS * Vocabulary.size() * d
                + 2L * cfg.contextPairs() * FeedbackVocabulary.MAX_TOKENS * FeedbackVocabulary.size() * d
                + 2L * cfg.latent() * d * 2 + 2L * TIME_FEATURES * d + 2L * d * d;
        long guide = cfg.textGuide() ? 2L * cfg.latent() * d : 0;
        return cfg.depth() * block + embed + guide + 2L * cfg.latentTokens() * d * cfg.tokenWidth();
    }
}
