package org.reflectlab.core.nn.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reflectlab.core.store.ConfigJson;

/**
 * The latent diffusion transformer: it denoises {@code latent} whitened principal components of
 * the unified model's image latent (split into {@code latentTokens} tokens) by flow matching, reading the prompt and up to
 * {@code contextPairs} previous (image, feedback) pairs as extra tokens. With {@code textGuide} it
 * also reads the frozen unified text encoder's latent of the prompt, projected the same way (as
 * DiTs read a frozen text encoder): the unified model already draws a caption at 0.967 attribute
 * accuracy through that latent, so the flow only has to learn what the caption leaves open.
 */
public record GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width,
                              int depth, int heads, boolean textGuide, double guideStart, boolean predictsData) {

    public GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width, int depth, int heads,
                           boolean textGuide, double guideStart) {
        this(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, textGuide, guideStart, false);
    }

    /** Sampling from pure noise (every generator before {@code guideStart}). */
    public GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width, int depth, int heads,
                           boolean textGuide) {
        this(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, textGuide, 0.0);
    }

    public GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width, int depth, int heads) {
        this(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, false, 0.0);
    }

    public static GeneratorConfig defaults(int latent) {
        return new GeneratorConfig(latent, 4, 2, 3, 96, 4, 4, true);
    }

    /**
     * The generator of a spatial unified latent: each latent token is a 2x2 block of latent cells
     * (as DiTs patchify their latents), each context image 4 tokens (one per quadrant); see
     * {@link LatentCodec}'s Z-order.
     */
    public static GeneratorConfig spatial(int latent, int channels, int width, int depth, boolean textGuide) {
        int cells = latent / channels;
        return new GeneratorConfig(latent, Math.max(1, cells / 4), Math.min(4, cells), 3, width, depth, 4, textGuide);
    }

    public static GeneratorConfig tiny(int latent) {
        return new GeneratorConfig(latent, 2, 2, 3, 32, 1, 2, true);
    }

    public GeneratorConfig withTextGuide(boolean on) {
        return new GeneratorConfig(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, on, guideStart,
                predictsData);
    }

    /**
     * Sampling starts at time t0 from (1 - t0) noise + t0 guide instead of at 0 from noise: the unified
     * model's own text -> latent proposes the scene, the flow redraws what the noise hides (SDEdit).
     * Measured on a whole spatial grid: from pure noise the flow scattered fragments over the image;
     * from the guide at t0 = 0.4 it drew the objects where the prompt puts them.
     */
    public GeneratorConfig withGuideStart(double t0) {
        return new GeneratorConfig(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, textGuide, t0,
                predictsData);
    }

    /**
     * The network outputs the clean latent x1 instead of the velocity x1 - x0; sampling turns it into
     * the velocity (x1 - x_t) / (1 - t). A clean latent lies on a low-dimensional manifold that a narrow
     * network can learn to commit to, where the velocity carries the noise's full dimension (Li and He,
     * "Back to Basics: Let Denoising Generative Models Denoise", 2025). Measured here on the whole
     * spatial grid: velocity prediction scattered fragments over the image.
     */
    public GeneratorConfig withDataPrediction(boolean on) {
        return new GeneratorConfig(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, textGuide, guideStart, on);
    }

    public GeneratorConfig {
        if (latent < 8 || latentTokens < 1 || latent % latentTokens != 0 || latent % contextImageTokens != 0) {
            throw new IllegalArgumentException("latent size must split evenly into latent and context tokens");
        }
        if (contextPairs < 1 || contextPairs > 3) {
            throw new IllegalArgumentException("1 to 3 context pairs");
        }
        if (heads < 1) {
            throw new IllegalArgumentException("heads must be 1 or more, not " + heads);
        }
        if (width < 16 || width % heads != 0 || depth < 1 || depth > 12) {
            throw new IllegalArgumentException("width must be >= 16 and divisible by heads; depth 1..12");
        }
        if (guideStart < 0 || guideStart >= 1 || (guideStart > 0 && !textGuide)) {
            throw new IllegalArgumentException("the guide start must be in [0, 1) and needs the text guide");
        }
    }

    public int tokenWidth() {
        return latent / latentTokens;
    }

    public int contextTokenWidth() {
        return latent / contextImageTokens;
    }

    /** Components added after generators were saved: written only where set, so older checksums stay the same. */
    private static final Map<String, Object> WRITTEN_ONLY_WHEN_SET = Map.of("guideStart", 0.0, "predictsData", false);
    /** Read as unset where missing: the above, and the text guide of the generators before it. */
    private static final Map<String, Object> UNSET_WHEN_MISSING = Map.of("guideStart", 0.0, "predictsData", false,
            "textGuide", false);

    /** The manifest names what the network predicts ("prediction": "data"), not a flag. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = ConfigJson.toMap(this, WRITTEN_ONLY_WHEN_SET);
        if (Boolean.TRUE.equals(m.remove("predictsData"))) {
            m.put("prediction", "data");
        }
        return m;
    }

    public static GeneratorConfig fromMap(Map<String, Object> m) {
        Map<String, Object> read = new LinkedHashMap<>(m);
        read.put("predictsData", "data".equals(read.remove("prediction")));
        return ConfigJson.fromMap(read, GeneratorConfig.class, "generator config lacks '%s'", UNSET_WHEN_MISSING);
    }
}
