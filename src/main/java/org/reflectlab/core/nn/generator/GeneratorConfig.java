package org.reflectlab.core.nn.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latent diffusion transformer: it denoises {@code latent} whitened principal components of
 * the unified model's image latent (split into {@code latentTokens} tokens) by flow matching, reading the prompt and up to
 * {@code contextPairs} previous (image, feedback) pairs as extra tokens. With {@code textGuide} it
 * also reads the frozen unified text encoder's latent of the prompt, projected the same way (as
 * DiTs read a frozen text encoder): the unified model already draws a caption at 0.967 attribute
 * accuracy through that latent, so the flow only has to learn what the caption leaves open.
 */
public record GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width,
                              int depth, int heads, boolean textGuide) {

    public GeneratorConfig(int latent, int latentTokens, int contextImageTokens, int contextPairs, int width, int depth, int heads) {
        this(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, false);
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
        return new GeneratorConfig(latent, latentTokens, contextImageTokens, contextPairs, width, depth, heads, on);
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
    }

    public int tokenWidth() {
        return latent / latentTokens;
    }

    public int contextTokenWidth() {
        return latent / contextImageTokens;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latent", latent);
        m.put("latentTokens", latentTokens);
        m.put("contextImageTokens", contextImageTokens);
        m.put("contextPairs", contextPairs);
        m.put("width", width);
        m.put("depth", depth);
        m.put("heads", heads);
        m.put("textGuide", textGuide);
        return m;
    }

    public static GeneratorConfig fromMap(Map<String, Object> m) {
        return new GeneratorConfig(i(m, "latent"), i(m, "latentTokens"), i(m, "contextImageTokens"), i(m, "contextPairs"),
                i(m, "width"), i(m, "depth"), i(m, "heads"), Boolean.TRUE.equals(m.get("textGuide")));
    }

    private static int i(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof Number n)) {
            throw new IllegalArgumentException("generator config lacks '" + k + "'");
        }
        return n.intValue();
    }
}
