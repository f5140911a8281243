package org.reflectlab.core.nn.unified;

import static org.reflectlab.core.nn.unified.UnifiedModel.PATCHES;
import static org.reflectlab.core.nn.unified.UnifiedModel.TOKENS;
import static org.reflectlab.core.nn.unified.UnifiedModel.TOKEN_MASK;
import static org.reflectlab.core.nn.unified.UnifiedModel.EYE;
import static org.reflectlab.core.nn.unified.UnifiedModel.Z_IN;
import static org.reflectlab.core.nn.unified.UnifiedModel.LATENT_NOISE;
import static org.reflectlab.core.nn.unified.UnifiedModel.LOSS;
import static org.reflectlab.core.nn.unified.UnifiedModel.LOSS_RECON;
import static org.reflectlab.core.nn.unified.UnifiedModel.LOSS_GEN;
import static org.reflectlab.core.nn.unified.UnifiedModel.LOSS_CAPTION;
import static org.reflectlab.core.nn.unified.UnifiedModel.LOSS_ALIGN;
import static org.reflectlab.core.nn.unified.UnifiedModel.READOUT_WIDTH;
import static org.reflectlab.core.nn.unified.UnifiedModel.DECODER_VIEW;
import static org.reflectlab.core.nn.unified.UnifiedModel.EXPAND_WIDTH;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.SdBuilder;


/**
 * {@link UnifiedModel}'s SameDiff graphs: the training graph with its four losses and the decoding
 * graph, built from one set of layer builders, so the names of every weight are written once. They
 * are the reference {@link UnifiedNet} (the fast path) is held to.
 */
final class UnifiedGraphs {

    private final UnifiedConfig cfg;

    UnifiedGraphs(UnifiedConfig cfg) {
        this.cfg = cfg;
    }

    /** The graph with every loss; its trainable variables are all the parameters. */
    SameDiff training(Params params) {
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        int t = cfg.imageTokens();
        int p = cfg.patchWidth();
        int len = Vocabulary.MAX_TOKENS;
        int v = Vocabulary.size();
        SDVariable patches = sd.placeHolder(PATCHES, DataType.FLOAT, -1, t, p);
        SDVariable tokens = sd.placeHolder(TOKENS, DataType.FLOAT, -1, len, v);
        SDVariable mask = sd.placeHolder(TOKEN_MASK, DataType.FLOAT, -1, len);
        SDVariable eye = sd.placeHolder(EYE, DataType.FLOAT, -1, -1);

        SDVariable zi = sd.identity("z_img", encodeImage(b, patches));
        SDVariable zt = sd.identity("z_txt", encodeText(b, tokens, mask));

        // One decoder pass over both latents: rows [0, B) come from images, [B, 2B) from captions.
        SDVariable ziDecoded = zi;
        if (cfg.noisyLatent()) {
            ziDecoded = zi.add(sd.placeHolder(LATENT_NOISE, DataType.FLOAT, -1, cfg.latent()));
        }
        SDVariable decoded = decodeImage(b, sd.concat(0, ziDecoded, zt));
        SDVariable[] halves = sd.split(decoded, 2, 0);
        sd.identity("recon", halves[0]);
        sd.identity("gen", halves[1]);
        SDVariable recon = imageLoss(sd, halves[0], patches, cfg.foregroundWeight()).rename(LOSS_RECON);
        SDVariable gen = imageLoss(sd, halves[1], patches, 0).rename(LOSS_GEN);

        SDVariable logits = sd.identity("cap_logits", decodeCaption(b, zi));
        SDVariable logp = b.logSoftmax(logits, 2);
        SDVariable caption = tokens.mul(logp).sum(2).mean().mul(-1.0).rename(LOSS_CAPTION);

        SDVariable zin = zi.div(sd.norm2(zi, true, 1).add(1e-6));
        SDVariable ztn = zt.div(sd.norm2(zt, true, 1).add(1e-6));
        SDVariable sim = sd.mmul(zin, ztn, false, true, false).mul(1.0 / cfg.temperature());
        SDVariable i2t = eye.mul(b.logSoftmax(sim, 1)).sum(1).mean();
        SDVariable t2i = eye.mul(b.logSoftmax(sim, 0)).sum(0).mean();
        SDVariable align = i2t.add(t2i).mul(-0.5).rename(LOSS_ALIGN);

        SDVariable total = recon.mul(cfg.reconWeight()).add(gen.mul(cfg.generationWeight()))
                .add(caption.mul(cfg.captionWeight())).add(align.mul(cfg.alignWeight()));
        total.rename(LOSS);
        sd.setLossVariables(LOSS);
        return sd;
    }

    /**
     * Mean squared error of decoded patches against the true ones; with a foreground weight λ every
     * pixel that differs from the background (any channel by more than {@link ForegroundWeights#THRESHOLD})
     * counts 1 + λ times. Only the reconstruction is weighted (see {@link UnifiedConfig}).
     */
    private SDVariable imageLoss(SameDiff sd, SDVariable out, SDVariable patches, double lambda) {
        SDVariable sq = sd.math.square(out.sub(patches));
        if (lambda == 0) {
            return sq.mean();
        }
        int pp = cfg.patch() * cfg.patch();
        SDVariable background = sd.constant(ForegroundWeights.background(pp).reshape(1, 1, 3, pp));
        SDVariable pixels = sd.reshape(patches, -1, cfg.imageTokens(), 3, pp);
        SDVariable foreground = sd.math.abs(pixels.sub(background)).max(true, 2).gt(ForegroundWeights.THRESHOLD)
                .castTo(DataType.FLOAT);
        SDVariable weight = foreground.mul(lambda).add(1.0);
        return sd.reshape(sq, -1, cfg.imageTokens(), 3, pp).mul(weight).mean();
    }

    /** z -> image patches and caption logits, for latents that come from anywhere. */
    SameDiff decoding(Params params) {
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        SDVariable z = sd.placeHolder(Z_IN, DataType.FLOAT, -1, cfg.latent());
        sd.identity("patches_out", decodeImage(b, z));
        sd.identity("logits_out", decodeCaption(b, z));
        return sd;
    }

    private SDVariable encodeImage(SdBuilder b, SDVariable patches) {
        int t = cfg.imageTokens();
        int d = cfg.width();
        SDVariable x = b.dense3("img/embed", patches, t, cfg.patchWidth(), d).add(b.table("img/pos", t, d));
        for (int i = 0; i < cfg.imageDepth(); i++) {
            x = b.block("img/block" + i, x, t, d, cfg.heads(), null);
        }
        SDVariable normed = b.layerNorm3("img/ln", x, d);
        if (cfg.spatial()) {
            // each patch token keeps its own few numbers: the latent is a grid, flattened token-major
            SDVariable grid = b.dense3("img/latent", normed, t, d, cfg.latentChannels());
            if (cfg.noisyLatent()) {
                grid = b.sd().math.tanh(grid);
            }
            return b.sd().reshape(grid, -1, (long) cfg.latent());
        }
        SDVariable z = readout(b, "img", normed, t);
        return cfg.noisyLatent() ? b.sd().math.tanh(z) : z;
    }

    private SDVariable encodeText(SdBuilder b, SDVariable tokens, SDVariable mask) {
        int len = Vocabulary.MAX_TOKENS;
        int d = cfg.width();
        // One-hot x table instead of gather: SameDiff's gather backward is pathologically slow.
        SDVariable x = b.dense3("txt/embed", tokens, len, Vocabulary.size(), d).add(b.table("txt/pos", len, d));
        SDVariable bias = b.keyBias(mask);
        for (int i = 0; i < cfg.textDepth(); i++) {
            x = b.block("txt/block" + i, x, len, d, cfg.heads(), bias);
        }
        SDVariable normed = b.layerNorm3("txt/ln", x, d).mul(b.sd().expandDims(mask, 2));
        return readout(b, "txt", normed, len);
    }

    /**
     * Tokens -> latent through a position-aware linear map (each token narrowed, then all of them
     * flattened). Measured here, mean pooling hid the few object tokens among the many background
     * ones: an autoencoder with it stayed near a blank image's PSNR for hundreds of steps, with
     * this readout it passed 22 dB within 400.
     */
    private SDVariable readout(SdBuilder b, String name, SDVariable tokens, int count) {
        SDVariable narrow = b.dense3(name + "/narrow", tokens, count, cfg.width(), READOUT_WIDTH);
        return b.dense(name + "/latent", b.sd().reshape(narrow, -1, (long) count * READOUT_WIDTH),
                (long) count * READOUT_WIDTH, cfg.latent());
    }

    /**
     * Latent -> patches: a transformer over the patch grid (a spatial latent, or a vector spread over the
     * grid by one linear map), or, for the vector latents before it, a per-position MLP (each patch
     * position its own linear view of the latent, then shared layers with a learned position bias).
     */
    SDVariable decodeImage(SdBuilder b, SDVariable z) {
        if (cfg.spatial()) {
            return decodeGrid(b, z);
        }
        if (cfg.attentionDecoder()) {
            // the vector spread over the patch grid by one linear map, then decoded as a spatial latent is
            return decodeGrid(b, b.dense("dec/expand", z, cfg.latent(), (long) cfg.imageTokens() * cfg.gridChannels()));
        }
        return decodeVector(b, z);
    }

    /** Latent tokens -> width -> transformer blocks over the grid -> each token's patch. */
    private SDVariable decodeGrid(SdBuilder b, SDVariable z) {
        int t = cfg.imageTokens();
        int d = cfg.width();
        SDVariable grid = b.sd().reshape(z, -1, t, cfg.gridChannels());
        SDVariable x = b.dense3("dec/in", grid, t, cfg.gridChannels(), d).add(b.table("dec/pos", t, d));
        for (int i = 0; i < cfg.decoderDepth(); i++) {
            x = b.block("dec/block" + i, x, t, d, cfg.heads(), null);
        }
        return b.dense3("dec/out", b.layerNorm3("dec/ln", x, d), t, d, cfg.patchWidth());
    }

    private SDVariable decodeVector(SdBuilder b, SDVariable z) {
        int t = cfg.imageTokens();
        int h = 2 * cfg.width();
        SameDiff sd = b.sd();
        SDVariable view = sd.reshape(b.dense("dec/expand", z, cfg.latent(), (long) t * DECODER_VIEW), -1, t, DECODER_VIEW);
        SDVariable x = sd.nn.gelu(b.dense3("dec/in", view, t, DECODER_VIEW, h).add(b.table("dec/pos", t, h)));
        for (int i = 0; i < cfg.decoderDepth(); i++) {
            x = sd.nn.gelu(b.dense3("dec/hidden" + i, x, t, h, h));
        }
        return b.dense3("dec/out", x, t, h, cfg.patchWidth());
    }

    SDVariable decodeCaption(SdBuilder b, SDVariable z) {
        int len = Vocabulary.MAX_TOKENS;
        int d = cfg.width();
        SDVariable view = b.sd().reshape(b.dense("cap/expand", z, cfg.latent(), (long) len * EXPAND_WIDTH), -1, len, EXPAND_WIDTH);
        SDVariable x = b.dense3("cap/lift", view, len, EXPAND_WIDTH, d).add(b.table("cap/pos", len, d));
        for (int i = 0; i < cfg.captionDepth(); i++) {
            x = b.block("cap/block" + i, x, len, d, cfg.heads(), null);
        }
        x = b.layerNorm3("cap/ln", x, d);
        return b.dense3("cap/out", x, len, d, Vocabulary.size());
    }
}
