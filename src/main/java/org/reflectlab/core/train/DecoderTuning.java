package org.reflectlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reflectlab.core.settings.Range;

/**
 * A run that trains only the unified model's image decoder, on latents as a generator hands them
 * over: an image's latent projected on that generator's whitened principal components, with noise
 * of up to {@code pathNoise} added there (a generator's sample is never exactly a real image's
 * latent), then mapped back. Measured here, the decoder trained only on the encoder's own latents
 * lost a tenth of small shapes on this path; the encoders stay frozen, so the generator's latent
 * space, its projection and every model trained in it stay valid.
 *
 * @param generator the model whose projection defines the path (its parameters hold it)
 * @param pathNoise the largest noise, in whitened units; each example draws its own in [0, pathNoise]
 * @param share     the share of examples sent through the path; the rest decode the encoder's latent
 *                  with the model's own latent noise, so plain reconstructions are trained as well
 */
public record DecoderTuning(String generator, double pathNoise, double share) {

    public static final Range PATH_NOISE = Range.reals(0, 2);
    public static final Range SHARE = Range.reals(0, 1);
    /** The parameters a tuning run updates: the image decoder's (every other array stays as loaded). */
    public static final String TRAINABLE_PREFIX = "dec/";

    public DecoderTuning {
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("tuning the decoder needs the generator whose decode path it trains on");
        }
        if (!PATH_NOISE.contains(pathNoise)) {
            throw new IllegalArgumentException("the decode path's noise must be " + PATH_NOISE.text());
        }
        if (!SHARE.contains(share)) {
            throw new IllegalArgumentException("the share of examples on the decode path must be " + SHARE.text());
        }
    }

    /** A new decoder's shape: its depth and, for a transformer decoder, the numbers per patch (0: the MLP decoder). */
    public record Shape(int depth, int channels) {
    }

    public static boolean trainable(String parameter) {
        return parameter.startsWith(TRAINABLE_PREFIX);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("pathNoise", pathNoise);
        m.put("share", share);
        return m;
    }

    /** The tuning a manifest's training settings record, or null for a plain run. */
    static DecoderTuning fromMap(Object map) {
        if (!(map instanceof Map<?, ?> m)) {
            return null;
        }
        return new DecoderTuning(String.valueOf(m.get("generator")), ((Number) m.get("pathNoise")).doubleValue(),
                ((Number) m.get("share")).doubleValue());
    }
}
