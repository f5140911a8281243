package org.reflectlab.core.nn.unified;

import static org.reflectlab.core.nn.unified.UnifiedModel.DECODER_VIEW;
import static org.reflectlab.core.nn.unified.UnifiedModel.EXPAND_WIDTH;
import static org.reflectlab.core.nn.unified.UnifiedModel.READOUT_WIDTH;

import org.reflectlab.core.data.Vocabulary;

/** Matrix-multiply FLOPs of the unified model's parts, counted from its configuration. */
final class UnifiedFlops {

    private UnifiedFlops() {
    }


    /**
     * Matrix-multiply FLOPs of one training sample's forward pass (multiply-adds x 2). Element-wise
     * ops, norms and softmax are not counted; backward is taken as twice the forward.
     */
    static long forwardPerSample(UnifiedConfig cfg) {
        long d = cfg.width();
        long t = cfg.imageTokens();
        long len = Vocabulary.MAX_TOKENS;
        long z = cfg.latent();
        long p = cfg.patchWidth();
        long v = Vocabulary.size();
        long r = READOUT_WIDTH;
        long imageEnc = imageEncoder(cfg);
        long textEnc = 2 * len * v * d + cfg.textDepth() * blockFlops(len, d) + 2 * len * d * r + 2 * len * r * z;
        long imageDec = imageDecoder(cfg);
        long e = EXPAND_WIDTH;
        long capDec = 2 * z * len * e + 2 * len * e * d + cfg.captionDepth() * blockFlops(len, d) + 2 * len * d * v;
        return imageEnc + textEnc + 2 * imageDec + capDec;
    }

    /** Matrix-multiply FLOPs of encoding one image to its latent. */
    static long imageEncoder(UnifiedConfig cfg) {
        long d = cfg.width();
        long t = cfg.imageTokens();
        long trunk = 2 * t * cfg.patchWidth() * d + cfg.imageDepth() * blockFlops(t, d);
        return trunk + (cfg.spatial() ? 2 * t * d * cfg.latentChannels()
                : 2 * t * d * READOUT_WIDTH + 2 * t * READOUT_WIDTH * cfg.latent());
    }

    /** Matrix-multiply FLOPs of decoding one latent to an image. */
    static long imageDecoder(UnifiedConfig cfg) {
        long t = cfg.imageTokens();
        if (cfg.attentionDecoder()) {
            long d = cfg.width();
            long c = cfg.gridChannels();
            long expand = cfg.spatial() ? 0 : 2L * cfg.latent() * t * c;
            return expand + 2 * t * c * d + cfg.decoderDepth() * blockFlops(t, d) + 2 * t * d * cfg.patchWidth();
        }
        long h = 2L * cfg.width();
        return 2L * cfg.latent() * t * DECODER_VIEW + 2 * t * DECODER_VIEW * h + cfg.decoderDepth() * 2 * t * h * h
                + 2 * t * h * cfg.patchWidth();
    }

    static long blockFlops(long t, long d) {
        long projections = 2 * t * d * d * 4;          // q, k, v, out
        long attention = 2 * t * t * d * 2;            // QK^T and AV
        long mlp = 2 * t * d * (4 * d) * 2;            // fc1 and fc2
        return projections + attention + mlp;
    }
}
