package org.reflectlab.core.nn.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.SdBuilder;

/**
 * The implicit world model, learned from pixels: encoder (previous frame, current frame, the
 * action between them) -> latent; transition (latent, action) -> next latent, as the latent plus
 * an MLP's correction; decoder latent -> next frame. It rolls out in latent space: the frames it
 * shows are decoded, never fed back. Matrix multiplies only (patches, dense layers), as
 * STACK-NOTES advises for DL4J on this machine.
 *
 * <p>Trained on short windows: the encoder reads frames 0 and 1, the transition is unrolled
 * {@code unroll} steps, and every decoded frame is compared with the true one (reconstruction
 * of frame 1, the one-step prediction of frame 2, and the later steps).
 *
 * <p>Not thread-safe by nature (SameDiff graphs); the public inference methods are synchronized
 * so a rollout in the background and a live play session can share one model.
 */
public final class ImplicitModel {

    public static final String KIND = "world-implicit";
    /** How the model store saves and loads it (configuration under config.model). */
    public static final org.reflectlab.core.nn.NetworkIO.Kind<ImplicitConfig, ImplicitModel> NETWORK =
            new org.reflectlab.core.nn.NetworkIO.Kind<>(KIND, "an implicit world model", "model", ImplicitConfig::fromMap,
                    ImplicitModel::new);
    public static final String LOSS = "loss";
    public static final String LOSS_RECON = "loss_recon";
    public static final String LOSS_STEP = "loss_step";
    public static final String LOSS_ROLLOUT = "loss_rollout";

    private final ImplicitConfig cfg;
    private final Params params;
    private SameDiff training;
    private SameDiff inference;

    public ImplicitModel(ImplicitConfig cfg, Params params) {
        this.cfg = cfg;
        this.params = params;
        trainingGraph(); // creates every parameter, so the set is complete from the start
    }

    public static ImplicitModel create(ImplicitConfig cfg, long seed) {
        return new ImplicitModel(cfg, new Params(seed));
    }

    public ImplicitConfig config() {
        return cfg;
    }

    public Params params() {
        return params;
    }

    /** Placeholder order of a training batch: frames f0..f(K+1), then actions a0..aK (a0 is f0 -> f1). */
    public List<String> features() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cfg.unroll() + 2; k++) {
            out.add("f" + k);
        }
        for (int k = 0; k <= cfg.unroll(); k++) {
            out.add("a" + k);
        }
        return out;
    }

    public List<String> lossComponents() {
        return cfg.unroll() >= 2 ? List.of(LOSS_RECON, LOSS_STEP, LOSS_ROLLOUT) : List.of(LOSS_RECON, LOSS_STEP);
    }

    public Map<String, Double> lossWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        lossComponents().forEach(c -> w.put(c, 1.0));
        return w;
    }

    // Graphs //

    public synchronized SameDiff trainingGraph() {
        if (training != null) {
            return training;
        }
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        int k = cfg.unroll();
        SDVariable[] f = new SDVariable[k + 2];
        for (int i = 0; i < k + 2; i++) {
            f[i] = sd.placeHolder("f" + i, DataType.FLOAT, -1, cfg.tokens(), cfg.patchWidth());
        }
        SDVariable[] a = new SDVariable[k + 1];
        for (int i = 0; i <= k; i++) {
            a[i] = sd.placeHolder("a" + i, DataType.FLOAT, -1, 2);
        }
        SDVariable z = encode(b, f[0], f[1], a[0]);
        SDVariable[] latents = new SDVariable[k + 1];
        latents[0] = z;
        for (int i = 1; i <= k; i++) {
            z = transition(b, z, a[i]);
            latents[i] = z;
        }
        // one decoder pass over every latent: a few large GEMMs instead of k + 1 small ones
        SDVariable[] decoded = sd.split(decode(b, sd.concat(0, latents)), k + 1, 0);
        SDVariable recon = mse(sd, decoded[0], f[1]).rename(LOSS_RECON);
        SDVariable step = mse(sd, decoded[1], f[2]).rename(LOSS_STEP);
        SDVariable total = recon.add(step);
        if (k >= 2) {
            SDVariable later = mse(sd, decoded[2], f[3]);
            for (int i = 3; i <= k; i++) {
                later = later.add(mse(sd, decoded[i], f[i + 1]));
            }
            SDVariable rollout = later.mul(1.0 / (k - 1)).rename(LOSS_ROLLOUT);
            total = total.add(rollout);
        }
        total.rename(LOSS);
        sd.setLossVariables(LOSS);
        training = sd;
        return sd;
    }

    private static SDVariable mse(SameDiff sd, SDVariable prediction, SDVariable target) {
        return sd.math.square(prediction.sub(target)).mean();
    }

    /** Encoder and one transition-and-decode step, for rollouts. */
    private SameDiff inferenceGraph() {
        if (inference != null) {
            return inference;
        }
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        SDVariable prev = sd.placeHolder("prev", DataType.FLOAT, -1, cfg.tokens(), cfg.patchWidth());
        SDVariable cur = sd.placeHolder("cur", DataType.FLOAT, -1, cfg.tokens(), cfg.patchWidth());
        SDVariable prevAction = sd.placeHolder("prev_action", DataType.FLOAT, -1, 2);
        sd.identity("z_enc", encode(b, prev, cur, prevAction));
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, cfg.latent());
        SDVariable action = sd.placeHolder("action", DataType.FLOAT, -1, 2);
        SDVariable next = sd.identity("z_next", transition(b, z, action));
        sd.identity("frame_next", decode(b, next));
        inference = sd;
        return sd;
    }

    /**
     * Two frames -> latent. Each patch pair is narrowed per token, then all tokens are flattened
     * into a position-aware readout: a ball's position is a weighted sum over patches, which a
     * linear map can read; mean pooling would throw the positions away.
     */
    private SDVariable encode(SdBuilder b, SDVariable prev, SDVariable cur, SDVariable prevAction) {
        SameDiff sd = b.sd();
        int t = cfg.tokens();
        SDVariable pair = sd.concat(2, prev, cur);
        SDVariable h = sd.nn.gelu(b.dense3("enc/token", pair, t, 2L * cfg.patchWidth(), cfg.tokenWidth()));
        SDVariable narrow = b.dense3("enc/narrow", h, t, cfg.tokenWidth(), cfg.readout());
        long flat = (long) t * cfg.readout();
        SDVariable joined = sd.concat(1, sd.reshape(narrow, -1, flat), prevAction);
        SDVariable hidden = sd.nn.gelu(b.dense("enc/hidden", joined, flat + 2, cfg.encoderHidden()));
        return b.layerNorm2("enc/norm", b.dense("enc/latent", hidden, cfg.encoderHidden(), cfg.latent()), cfg.latent());
    }

    /**
     * norm(z + MLP(z, action)): the residual form starts as "nothing changes", a good prior for one
     * frame. Latents are layer-normalised: measured here, unnormalised latents grew step by step
     * past the trained unroll until the decoder drew noise (60-frame error 0.25 vs 0.004 early on).
     */
    private SDVariable transition(SdBuilder b, SDVariable z, SDVariable action) {
        SameDiff sd = b.sd();
        int l = cfg.latent();
        int h = cfg.transitionHidden();
        SDVariable in = sd.concat(1, z, action);
        SDVariable h1 = sd.nn.gelu(shared(b, "dyn/fc1", in, l + 2, h, 1.0));
        SDVariable h2 = sd.nn.gelu(shared(b, "dyn/fc2", h1, h, h, 1.0));
        return b.layerNorm2("dyn/norm", z.add(shared(b, "dyn/out", h2, h, l, 0.1)), l);
    }

    /** A dense layer whose weights are reused when the graph applies it again (the unrolled transition). */
    private static SDVariable shared(SdBuilder b, String name, SDVariable x, long in, long out, double gain) {
        SameDiff sd = b.sd();
        SDVariable w = sd.hasVariable(name + "/w") ? sd.getVariable(name + "/w") : b.weight(name + "/w", in, out, gain);
        SDVariable bias = sd.hasVariable(name + "/b") ? sd.getVariable(name + "/b") : b.zeros(name + "/b", out);
        return sd.nn.linear(x, w, bias);
    }

    /** Latent -> patches by a per-position MLP (each patch gets its own view of the latent). */
    private SDVariable decode(SdBuilder b, SDVariable z) {
        SameDiff sd = b.sd();
        int t = cfg.tokens();
        int v = cfg.decoderView();
        int h = cfg.decoderHidden();
        SDVariable view = sd.reshape(b.dense("dec/expand", z, cfg.latent(), (long) t * v), -1, t, v);
        SDVariable x = sd.nn.gelu(b.dense3("dec/in", view, t, v, h).add(b.table("dec/pos", t, h)));
        x = sd.nn.gelu(b.dense3("dec/hidden", x, t, h, h));
        return b.dense3("dec/out", x, t, h, cfg.patchWidth());
    }

    // Inference //

    /** Latents [n, latent] of n (previous, current) frame pairs and the actions between them. */
    public synchronized INDArray encode(List<RgbImage> prev, List<RgbImage> cur, double[][] prevActions) {
        Map<String, INDArray> in = new HashMap<>();
        in.put("prev", patches(prev));
        in.put("cur", patches(cur));
        in.put("prev_action", actions(prevActions));
        return inferenceGraph().output(in, "z_enc").get("z_enc").dup();
    }

    /** One step for n rollouts at once: the next latents and the frames they decode to. */
    public synchronized Step step(INDArray z, double[][] actions) {
        Map<String, INDArray> in = new HashMap<>();
        in.put("z", z);
        in.put("action", actions(actions));
        Map<String, INDArray> out = inferenceGraph().output(in, "z_next", "frame_next");
        return new Step(out.get("z_next").dup(), toImages(out.get("frame_next")));
    }

    /** Result of {@link #step}. */
    public record Step(INDArray latent, List<RgbImage> frames) {
    }

    public INDArray patches(List<RgbImage> images) {
        int t = cfg.tokens();
        int p = cfg.patchWidth();
        float[] buf = new float[images.size() * t * p];
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != cfg.frameSize() || img.height() != cfg.frameSize()) {
                throw new IllegalArgumentException("the implicit model reads " + cfg.frameSize() + "px frames, not "
                        + img.width() + "px");
            }
            Patches.toPatches(img, cfg.patch(), buf, i * t * p);
        }
        return Nd4j.create(buf, new long[] {images.size(), t, p}, 'c');
    }

    public static INDArray actions(double[][] actions) {
        float[] buf = new float[actions.length * 2];
        for (int i = 0; i < actions.length; i++) {
            buf[2 * i] = (float) actions[i][0];
            buf[2 * i + 1] = (float) actions[i][1];
        }
        return Nd4j.create(buf, new long[] {actions.length, 2}, 'c');
    }

    List<RgbImage> toImages(INDArray patches) {
        int n = (int) patches.size(0);
        float[] data = patches.dup('c').data().asFloat();
        int per = cfg.tokens() * cfg.patchWidth();
        List<RgbImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Patches.fromPatches(data, i * per, cfg.frameSize(), cfg.patch()));
        }
        return out;
    }

    /** A one-line description for manifests and the UI. */
    public String summary() {
        ImplicitConfig c = cfg;
        return String.format("encoder: 2 frames as %d patches of %dx%d px -> per-token %d -> position-aware readout %d "
                        + "-> MLP %d -> latent %d; transition: latent + MLP(latent, action; %d, %d); decoder: per-position "
                        + "MLP (view %d, hidden %d) -> frame; trained with %d-step latent unrolls",
                c.tokens(), c.patch(), c.patch(), c.tokenWidth(), c.readout(), c.encoderHidden(), c.latent(),
                c.transitionHidden(), c.transitionHidden(), c.decoderView(), c.decoderHidden(), c.unroll());
    }
}
