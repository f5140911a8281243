package org.reflectlab.core.nn.unified;

import org.reflectlab.core.settings.Range;
import java.util.Map;
import org.reflectlab.core.store.ConfigJson;

/**
 * Architecture and loss weights of the unified text+image model. Every field is checked, so a
 * bad value is refused with a message instead of failing deep inside ND4J.
 *
 * <p>The image latent is either one vector ({@code latentChannels} 0: a readout of every patch token
 * into {@code latent} numbers, decoded by a per-position MLP) or spatial ({@code latentChannels} c > 0:
 * each patch token keeps its own c numbers, so {@code latent} = tokens x c, and a transformer over
 * those latent tokens decodes them, with {@code decoderDepth} blocks). A spatial latent keeps every
 * object where it is; one vector had to squeeze the whole scene and turned small shapes into blobs.
 *
 * <p>{@code decoderChannels} c > 0 (vector latents only) decodes the one vector by a transformer instead of
 * the MLP: a linear map spreads the vector over the patch grid, c numbers per patch, and transformer blocks
 * draw each patch from the whole grid. Measured here, a flow generator could not learn to draw in a spatial
 * latent within this project's budgets (its tokens each drew a fragment of an object, a scene of several
 * fragments), while it draws in a vector latent; this keeps the vector for the generator and gives
 * its decoder what made the spatial one sharp.
 *
 * <p>{@code foregroundWeight} λ > 0 weighs every image number that differs from the background by
 * 1 + λ in the reconstruction loss (1 elsewhere). A scene is mostly background, so with plain MSE a
 * blob in the right place and colour already scores well; this puts the loss where shapes are told
 * apart. The caption -> image (generation) loss stays unweighted: a caption leaves an object's exact
 * position open, and there a weight that makes missing an object 1 + λ times dearer than painting the
 * background pays the decoder to draw objects too large (measured: with both losses weighted, text ->
 * image size accuracy fell from 0.995 to 0.535 on `aphasia --samples 500`).
 *
 * <p>{@code latentNoise} σ > 0 bounds every latent number to (-1, 1) with tanh and, in
 * training, decodes the image latent with Gaussian noise of that σ added: a VAE with a fixed posterior
 * variance. Measured here, an unregularised spatial latent reconstructed well, yet a flow generator's
 * samples in it decoded to coloured patches: a decoder that never saw a latent slightly off the encoder's
 * own outputs amplified every small error of the generator.
 */
public record UnifiedConfig(int imageSize, int patch, int width, int heads, int imageDepth, int textDepth,
                            int decoderDepth, int captionDepth, int latent,
                            double reconWeight, double generationWeight, double captionWeight, double alignWeight,
                            double temperature, int latentChannels, double latentNoise, int decoderChannels,
                            double foregroundWeight) {

    /** Every pixel weighted alike in the image losses (every model before the foreground weight). */
    public UnifiedConfig(int imageSize, int patch, int width, int heads, int imageDepth, int textDepth,
                         int decoderDepth, int captionDepth, int latent,
                         double reconWeight, double generationWeight, double captionWeight, double alignWeight,
                         double temperature, int latentChannels, double latentNoise, int decoderChannels) {
        this(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, latentNoise,
                decoderChannels, 0.0);
    }

    /** Without a transformer decoder for a vector latent (every model before it). */
    public UnifiedConfig(int imageSize, int patch, int width, int heads, int imageDepth, int textDepth,
                         int decoderDepth, int captionDepth, int latent,
                         double reconWeight, double generationWeight, double captionWeight, double alignWeight,
                         double temperature, int latentChannels, double latentNoise) {
        this(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, latentNoise, 0);
    }

    /** Without latent noise (every model before it). */
    public UnifiedConfig(int imageSize, int patch, int width, int heads, int imageDepth, int textDepth,
                         int decoderDepth, int captionDepth, int latent,
                         double reconWeight, double generationWeight, double captionWeight, double alignWeight,
                         double temperature, int latentChannels) {
        this(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, 0.0);
    }

    /** A vector latent (the configuration every model before spatial latents has). */
    public UnifiedConfig(int imageSize, int patch, int width, int heads, int imageDepth, int textDepth,
                         int decoderDepth, int captionDepth, int latent,
                         double reconWeight, double generationWeight, double captionWeight, double alignWeight,
                         double temperature) {
        this(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, 0);
    }

    public static UnifiedConfig defaults() {
        return new UnifiedConfig(32, 4, 96, 4, 2, 2, 1, 2, 128, 1.0, 1.0, 1.0, 0.2, 0.1);
    }

    /** A very small model for tests. */
    public static UnifiedConfig tiny() {
        return new UnifiedConfig(16, 4, 32, 2, 1, 1, 1, 1, 32, 1.0, 1.0, 0.5, 0.2, 0.1);
    }

    public static final Range WIDTH = Range.ints(16, 512);
    public static final Range LATENT = Range.ints(8, 1024);
    public static final Range ENCODER_DEPTH = Range.ints(1, 8);
    public static final Range DECODER_DEPTH = Range.ints(0, 8);
    public static final Range CAPTION_DEPTH = Range.ints(1, 8);
    public static final Range LOSS_WEIGHT = Range.reals(0, 100);
    public static final Range LATENT_CHANNELS = Range.ints(1, 64);
    public static final Range LATENT_NOISE = Range.reals(0, 1);

    public UnifiedConfig {
        check(imageSize >= 8 && imageSize <= 64, "image size must be 8..64");
        check(patch >= 2 && patch <= 8 && imageSize % patch == 0, "patch must be 2..8 and divide the image size");
        check(WIDTH.contains(width), "width must be " + WIDTH.text());
        check(heads >= 1 && heads <= 16 && width % heads == 0, "heads must be 1..16 and divide the width");
        check(ENCODER_DEPTH.contains(imageDepth), "image encoder depth must be " + ENCODER_DEPTH.text());
        check(ENCODER_DEPTH.contains(textDepth), "text encoder depth must be " + ENCODER_DEPTH.text());
        check(DECODER_DEPTH.contains(decoderDepth), "image decoder depth must be " + DECODER_DEPTH.text());
        check(CAPTION_DEPTH.contains(captionDepth), "caption decoder depth must be " + CAPTION_DEPTH.text());
        check(LATENT.contains(latent), "latent size must be " + LATENT.text());
        check(LOSS_WEIGHT.contains(reconWeight) && LOSS_WEIGHT.contains(generationWeight) && LOSS_WEIGHT.contains(captionWeight)
                && LOSS_WEIGHT.contains(alignWeight), "loss weights must be " + LOSS_WEIGHT.text());
        check(reconWeight + generationWeight + captionWeight + alignWeight > 0, "at least one loss weight must be > 0");
        check(temperature > 0.005 && temperature <= 2, "temperature must be in (0.005, 2]");
        if (latentChannels != 0) {
            check(LATENT_CHANNELS.contains(latentChannels), "latent channels must be " + LATENT_CHANNELS.text());
            int tokens = (imageSize / patch) * (imageSize / patch); // fields are not assigned yet in a compact constructor
            check(latent == tokens * latentChannels, "a spatial latent has tokens x channels = "
                    + tokens * latentChannels + " numbers, not " + latent);
            check(decoderDepth >= 1, "a spatial latent's decoder needs at least one transformer block");
        }
        check(LATENT_NOISE.contains(latentNoise), "latent noise must be " + LATENT_NOISE.text());
        check(LOSS_WEIGHT.contains(foregroundWeight), "the foreground weight must be " + LOSS_WEIGHT.text());
        if (decoderChannels != 0) {
            check(latentChannels == 0, "decoder channels are for a vector latent; a spatial latent has its own grid");
            check(LATENT_CHANNELS.contains(decoderChannels), "decoder channels must be " + LATENT_CHANNELS.text());
            check(decoderDepth >= 1, "a transformer decoder needs at least one block");
        }
    }

    /** Whether the spatial latent is bounded by tanh and trained with noise (see the class comment). */
    public boolean noisyLatent() {
        return latentNoise > 0;
    }

    /** Whether a transformer over the patch grid decodes the image latent (always for a spatial latent). */
    public boolean attentionDecoder() {
        return latentChannels > 0 || decoderChannels > 0;
    }

    /** Numbers per patch token that the transformer decoder reads. */
    public int gridChannels() {
        return latentChannels > 0 ? latentChannels : decoderChannels;
    }

    /** Whether the image latent is a grid of latent tokens (one per patch) rather than one vector. */
    public boolean spatial() {
        return latentChannels > 0;
    }

    /** The same model with a spatial latent of {@code channels} numbers per patch token (0: a vector latent of {@code latent}). */
    public UnifiedConfig withLatentChannels(int channels, int vectorLatent) {
        int z = channels > 0 ? imageTokens() * channels : vectorLatent;
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, z,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, channels, latentNoise, channels > 0 ? 0 : decoderChannels, foregroundWeight);
    }

    /** The same model with other depths and width (the latent size follows the width's readout only for vector latents). */
    public UnifiedConfig withArchitecture(int newWidth, int newImageDepth, int newTextDepth, int newDecoderDepth,
                                          int newCaptionDepth, int vectorLatent) {
        return new UnifiedConfig(imageSize, patch, newWidth, heads, newImageDepth, newTextDepth, newDecoderDepth, newCaptionDepth,
                spatial() ? latent : vectorLatent, reconWeight, generationWeight, captionWeight, alignWeight, temperature,
                latentChannels, latentNoise, decoderChannels, foregroundWeight);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public int imageTokens() {
        return (imageSize / patch) * (imageSize / patch);
    }

    public int patchWidth() {
        return 3 * patch * patch;
    }

    public UnifiedConfig withLatent(int z) {
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, z,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, latentNoise, decoderChannels, foregroundWeight);
    }

    /** The same model with a vector latent decoded by a transformer over c numbers per patch (0: the MLP decoder). */
    public UnifiedConfig withDecoderChannels(int c) {
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, latentNoise, c, foregroundWeight);
    }

    /** The same model with image numbers off the background weighted 1 + λ in the image losses (0: plain MSE). */
    public UnifiedConfig withForegroundWeight(double lambda) {
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, latentNoise, decoderChannels,
                lambda);
    }

    /** The same model with latent noise σ (0: none). */
    public UnifiedConfig withLatentNoise(double sigma) {
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                reconWeight, generationWeight, captionWeight, alignWeight, temperature, latentChannels, sigma, decoderChannels, foregroundWeight);
    }

    public UnifiedConfig withWeights(double recon, double gen, double caption, double align) {
        return new UnifiedConfig(imageSize, patch, width, heads, imageDepth, textDepth, decoderDepth, captionDepth, latent,
                recon, gen, caption, align, temperature, latentChannels, latentNoise, decoderChannels, foregroundWeight);
    }

    /**
     * Components added after models were saved: written only where set, so the configuration checksum of
     * every model saved before them stays the same; read as unset where missing.
     */
    private static final Map<String, Object> WRITTEN_ONLY_WHEN_SET = Map.of(
            "latentChannels", 0, "latentNoise", 0.0, "decoderChannels", 0, "foregroundWeight", 0.0);

    public Map<String, Object> toMap() {
        return ConfigJson.toMap(this, WRITTEN_ONLY_WHEN_SET);
    }

    public static UnifiedConfig fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, UnifiedConfig.class, "model config lacks '%s'", WRITTEN_ONLY_WHEN_SET);
    }
}
