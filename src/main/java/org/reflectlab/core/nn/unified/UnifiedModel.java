package org.reflectlab.core.nn.unified;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Patches;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.SdBuilder;
import org.reflectlab.core.nn.fast.FastPath;

/**
 * The unified text+image model. A ViT-style image encoder (patches -> linear -> self-attention)
 * and a text encoder (token embedding -> self-attention) each pool into one shared latent
 * vector; an image decoder turns a latent back into patches and a caption decoder into caption
 * tokens (all positions at once). Trained jointly: image reconstruction (image -> latent ->
 * image), generation (caption -> latent -> image), captioning (image -> latent -> caption) and
 * a contrastive loss that aligns the two encoders' latents.
 *
 * <p>Not thread-safe: one thread owns a model (and its graphs) at a time.
 */
public final class UnifiedModel {

    public static final String KIND = "unified-model";
    /** How the model store saves and loads it (configuration under config.model). */
    public static final NetworkIO.Kind<UnifiedConfig, UnifiedModel> NETWORK =
            new NetworkIO.Kind<>(KIND, "a unified model", "model", UnifiedConfig::fromMap, UnifiedModel::new);

    public static final String LOSS = "loss";
    public static final String LOSS_RECON = "loss_recon";
    public static final String LOSS_GEN = "loss_gen";
    public static final String LOSS_CAPTION = "loss_caption";
    public static final String LOSS_ALIGN = "loss_align";
    public static final List<String> LOSS_COMPONENTS = List.of(LOSS_RECON, LOSS_GEN, LOSS_CAPTION, LOSS_ALIGN);

    /** Placeholder order of a training batch (MultiDataSet features). */
    public static final List<String> FEATURES = List.of("patches", "tokens", "token_mask", "eye");

    static final String PATCHES = "patches";
    static final String TOKENS = "tokens";
    static final String TOKEN_MASK = "token_mask";
    static final String EYE = "eye";
    static final String Z_IN = "z";
    /** Noise added to the image latent on the reconstruction path (only for a noisy latent; zeros outside training). */
    public static final String LATENT_NOISE = "latent_noise";

    /** Width of the per-position latent views the caption decoder starts from. */
    static final int EXPAND_WIDTH = 16;
    /** Width of the per-position latent views the image decoder starts from. */
    static final int DECODER_VIEW = 32;
    /** Width each token is narrowed to before the encoders flatten them into the latent. */
    static final int READOUT_WIDTH = 16;

    private final UnifiedConfig cfg;
    private final Params params;
    private final UnifiedGraphs graphs;
    private SameDiff training;
    private SameDiff decoding;
    private UnifiedNet fast;

    public UnifiedModel(UnifiedConfig cfg, Params params) {
        this.cfg = cfg;
        this.params = params;
        this.graphs = new UnifiedGraphs(cfg);
        trainingGraph(); // creates every parameter, so the set is complete from the start
    }

    public static UnifiedModel create(UnifiedConfig cfg, long seed) {
        return new UnifiedModel(cfg, new Params(seed));
    }

    public UnifiedConfig config() {
        return cfg;
    }

    public Params params() {
        return params;
    }

    /** Placeholder order of this model's training batch: {@link #FEATURES}, then the latent noise if it has one. */
    public List<String> features() {
        if (!cfg.noisyLatent()) {
            return FEATURES;
        }
        List<String> f = new ArrayList<>(FEATURES);
        f.add(LATENT_NOISE);
        return List.copyOf(f);
    }

    // Graphs //

    /** The graph with every loss; its trainable variables are all the parameters. */
    public SameDiff trainingGraph() {
        if (training == null) {
            training = graphs.training(params);
        }
        return training;
    }

    /** z -> image patches and caption logits, for latents that come from anywhere. */
    private SameDiff decodingGraph() {
        if (decoding == null) {
            decoding = graphs.decoding(params);
        }
        return decoding;
    }

    /**
     * The image decoder (patches) and caption decoder (logits) applied to any latent, in a graph built
     * elsewhere with its own parameter set (e.g. name embeddings learned against frozen decoders).
     */
    public SDVariable[] decoders(SdBuilder b, SDVariable z) {
        return new SDVariable[] {graphs.decodeImage(b, z), graphs.decodeCaption(b, z)};
    }

    /** The loss components and their weights in the total loss. */
    public Map<String, Double> lossWeights() {
        return lossWeights(cfg);
    }

    static Map<String, Double> lossWeights(UnifiedConfig cfg) {
        Map<String, Double> w = new java.util.LinkedHashMap<>();
        w.put(LOSS_RECON, cfg.reconWeight());
        w.put(LOSS_GEN, cfg.generationWeight());
        w.put(LOSS_CAPTION, cfg.captionWeight());
        w.put(LOSS_ALIGN, cfg.alignWeight());
        return w;
    }

    // Inputs //

    /** Placeholder arrays for a batch of (image, caption) pairs. */
    public Map<String, INDArray> inputs(List<RgbImage> images, List<Caption> captions) {
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException("images and captions differ in number");
        }
        int n = images.size();
        Map<String, INDArray> m = new HashMap<>();
        m.put(PATCHES, patches(images));
        putTokens(m, captions);
        m.put(EYE, Nd4j.eye(n).castTo(DataType.FLOAT));
        if (cfg.noisyLatent()) {
            m.put(LATENT_NOISE, Nd4j.zeros(DataType.FLOAT, n, cfg.latent()));
        }
        return m;
    }

    public INDArray patches(List<RgbImage> images) {
        int t = cfg.imageTokens();
        int p = cfg.patchWidth();
        float[] buf = new float[images.size() * t * p];
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != cfg.imageSize()) {
                throw new IllegalArgumentException("the model reads " + cfg.imageSize() + "px images, not " + img.width() + "px");
            }
            Patches.toPatches(img, cfg.patch(), buf, i * t * p);
        }
        return Nd4j.create(buf, new long[] {images.size(), t, p}, 'c');
    }

    private static void putTokens(Map<String, INDArray> m, List<Caption> captions) {
        int n = captions.size();
        int len = Vocabulary.MAX_TOKENS;
        int v = Vocabulary.size();
        float[] onehot = new float[n * len * v];
        float[] mask = new float[n * len];
        for (int i = 0; i < n; i++) {
            int[] ids = Vocabulary.encode(captions.get(i));
            int real = Vocabulary.length(ids);
            for (int t = 0; t < len; t++) {
                onehot[(i * len + t) * v + ids[t]] = 1f;
                mask[i * len + t] = t < real ? 1f : 0f;
            }
        }
        m.put(TOKENS, Nd4j.create(onehot, new long[] {n, len, v}, 'c'));
        m.put(TOKEN_MASK, Nd4j.create(mask, new long[] {n, len}, 'c'));
    }

    // Inference //

    public INDArray imageLatents(List<RgbImage> images) {
        INDArray patches = patches(images);
        if (FastPath.enabled()) {
            return fast().imageLatents(patches);
        }
        return trainingGraph().output(Map.of(PATCHES, patches), "z_img").get("z_img");
    }

    public INDArray textLatents(List<Caption> captions) {
        Map<String, INDArray> m = new HashMap<>();
        putTokens(m, captions);
        if (FastPath.enabled()) {
            return fast().textLatents(m.get(TOKENS), m.get(TOKEN_MASK));
        }
        return trainingGraph().output(m, "z_txt").get("z_txt");
    }

    /**
     * Image latents on the fast path with {@code probe} watching every attention block of the image
     * encoder (and, if it asks, masking causally): the real attention weights of these weights.
     */
    public INDArray imageLatentsProbed(List<RgbImage> images, org.reflectlab.core.nn.fast.FastOps.AttentionProbe probe) {
        INDArray patches = patches(images);
        UnifiedNet f = fast(); // one path for probe and call, even if the buffers are dropped meanwhile
        return f.probed(probe, () -> f.imageLatents(patches));
    }

    /** Text latents with {@code probe} watching the text encoder's blocks (one sequence per caption, real tokens only). */
    public INDArray textLatentsProbed(List<Caption> captions, org.reflectlab.core.nn.fast.FastOps.AttentionProbe probe) {
        Map<String, INDArray> m = new HashMap<>();
        putTokens(m, captions);
        UnifiedNet f = fast();
        return f.probed(probe, () -> f.textLatents(m.get(TOKENS), m.get(TOKEN_MASK)));
    }

    /** Caption logits [n, len, vocab] for latents (what {@link #decodeCaptions} takes the argmax of). */
    public INDArray captionLogits(INDArray z) {
        return FastPath.enabled() ? fast().decodeCaption(z)
                : decodingGraph().output(Map.of(Z_IN, z), "logits_out").get("logits_out");
    }

    /** Latents [n, latent] to images. */
    public List<RgbImage> decodeImages(INDArray z) {
        INDArray out = FastPath.enabled() ? fast().decodeImage(z)
                : decodingGraph().output(Map.of(Z_IN, z), "patches_out").get("patches_out");
        return toImages(out);
    }

    /** Latents [n, latent] to the captions they read as (argmax per position, up to EOS). */
    public List<String> decodeCaptions(INDArray z) {
        INDArray logits = FastPath.enabled() ? fast().decodeCaption(z)
                : decodingGraph().output(Map.of(Z_IN, z), "logits_out").get("logits_out");
        return captionsFromLogits(logits);
    }

    /**
     * The training graph's forward outputs without the losses (z_img, z_txt, recon, gen,
     * cap_logits), computed on the fast path: what benchmarks compare with the graph's forward.
     */
    public Map<String, INDArray> forwardFast(Map<String, INDArray> in) {
        INDArray zi = fast().imageLatents(in.get(PATCHES));
        INDArray zt = fast().textLatents(in.get(TOKENS), in.get(TOKEN_MASK));
        int n = (int) zi.size(0);
        INDArray decoded = fast().decodeImage(Nd4j.concat(0, zi, zt));
        Map<String, INDArray> out = new HashMap<>();
        out.put("z_img", zi);
        out.put("z_txt", zt);
        out.put("recon", decoded.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)));
        out.put("gen", decoded.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n)));
        out.put("cap_logits", fast().decodeCaption(zi));
        return out;
    }

    /** The decoding graph's patches and logits for latents (the reference the fast path is tested against). */
    Map<String, INDArray> decodingOutputs(INDArray z) {
        return decodingGraph().output(Map.of(Z_IN, z), "patches_out", "logits_out");
    }

    /** Inference without SameDiff's per-op overhead, on the same weights (see {@link UnifiedNet}). */
    synchronized UnifiedNet fast() {
        if (fast == null) {
            fast = UnifiedNet.inference(cfg, params);
        }
        return fast;
    }

    /**
     * Lets go of the fast path's working buffers, which grow to the largest batch seen and then stay (a 50-image batch
     * leaves ~100 MB): for a model shared by several workspaces, one that ran big batches gives them back when it is
     * released while the others keep the model. The next call builds the path again (milliseconds); a call running now
     * finishes on the old one.
     */
    public synchronized void dropWorkingBuffers() {
        fast = null;
    }

    /** Whether the fast path (and its working buffers) is built now (for the release tests). */
    public synchronized boolean holdsWorkingBuffers() {
        return fast != null;
    }

    /** Understanding: what the model says each image shows. */
    public List<String> readCaptions(List<RgbImage> images) {
        return decodeCaptions(imageLatents(images));
    }

    /** Visual path: image -> latent -> image. */
    public List<RgbImage> reconstruct(List<RgbImage> images) {
        return decodeImages(imageLatents(images));
    }

    /** Generation path: caption -> latent -> image. */
    public List<RgbImage> generate(List<Caption> captions) {
        return decodeImages(textLatents(captions));
    }

    List<RgbImage> toImages(INDArray patches) {
        int n = (int) patches.size(0);
        float[] data = patches.dup('c').data().asFloat();
        int per = cfg.imageTokens() * cfg.patchWidth();
        List<RgbImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Patches.fromPatches(data, i * per, cfg.imageSize(), cfg.patch()));
        }
        return out;
    }

    public static List<String> captionsFromLogits(INDArray logits) {
        INDArray ids = Nd4j.argMax(logits, 2);
        int n = (int) ids.size(0);
        int len = (int) ids.size(1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] row = new int[len];
            for (int t = 0; t < len; t++) {
                row[t] = ids.getInt(i, t);
            }
            out.add(Vocabulary.decode(row));
        }
        return out;
    }

    // Accounting //

    /**
     * Matrix-multiply FLOPs of one training sample's forward pass (multiply-adds x 2). Element-wise
     * ops, norms and softmax are not counted; backward is taken as twice the forward.
     */
    public long forwardFlopsPerSample() {
        return UnifiedFlops.forwardPerSample(cfg);
    }

    /** Matrix-multiply FLOPs of encoding one image to its latent. */
    public long imageEncoderFlops() {
        return UnifiedFlops.imageEncoder(cfg);
    }

    /** Matrix-multiply FLOPs of decoding one latent to an image. */
    public long imageDecoderFlops() {
        return UnifiedFlops.imageDecoder(cfg);
    }
}
