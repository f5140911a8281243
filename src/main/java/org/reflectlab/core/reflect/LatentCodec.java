package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.UnifiedModel;

/**
 * Images <-> the generator's latent space: the unified model's image latent, standardized per
 * dimension (the flow starts from unit Gaussian noise, so the data should have unit scale). The
 * statistics live in the generator's parameters, so a generator always decodes with the
 * statistics it was trained with.
 */
public final class LatentCodec {

    static final String MEAN = "codec/mean";
    static final String STD = "codec/std";

    private final UnifiedModel unified;
    private final INDArray mean;
    private final INDArray std;

    public LatentCodec(UnifiedModel unified, Params generatorParams) {
        this.unified = unified;
        this.mean = generatorParams.get(MEAN);
        this.std = generatorParams.get(STD);
        if (mean.length() != unified.config().latent()) {
            throw new IllegalArgumentException("the generator was trained on a " + mean.length()
                    + "-d latent; this unified model's latent has " + unified.config().latent() + " dimensions");
        }
    }

    /** Measures latent statistics on n training renders and stores them in the generator's parameters. */
    public static void fitStatistics(UnifiedModel unified, ShapesWorld world, int n, Params into) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < n; from += 128) {
            int k = Math.min(128, n - from);
            List<RgbImage> images = new ArrayList<>();
            world.samples(from, k).forEach(s -> images.add(world.render(s.scene())));
            parts.add(unified.imageLatents(images));
        }
        INDArray all = Nd4j.concat(0, parts.toArray(new INDArray[0]));
        INDArray mean = all.mean(0).reshape(1, -1);
        INDArray std = all.std(0).reshape(1, -1).addi(1e-3);
        into.putAll(java.util.Map.of(MEAN, mean, STD, std));
    }

    public UnifiedModel unified() {
        return unified;
    }

    /** Standardized latents [n, latent]. */
    public INDArray encode(List<RgbImage> images) {
        return unified.imageLatents(images).subRowVector(mean).divRowVector(std);
    }

    public List<RgbImage> decode(INDArray standardized) {
        return unified.decodeImages(standardized.mulRowVector(std).addRowVector(mean));
    }
}
