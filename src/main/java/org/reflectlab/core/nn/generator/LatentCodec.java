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
        if (unified.config().spatial() && components >= unified.config().latent()) {
            spatialStatistics(unified, z, into);
            return;
        }
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

    /**
     * For a spatial latent: no principal components (they would mix the grid's cells and lose where
     * things are), only a per-number standardisation and a reordering of the cells along a Z-order
     * curve, so that every 4 consecutive cells are a 2x2 block and every 16 a 4x4 quadrant. A generator
     * token of 4 cells is then a DiT-style 2x2 latent patch, and a context token of 16 a quadrant.
     */
    private static void spatialStatistics(UnifiedModel unified, INDArray z, Params into) {
        int side = unified.config().imageSize() / unified.config().patch();
        int c = unified.config().latentChannels();
        int d = (int) z.size(1);
        INDArray mean = z.mean(0).reshape(1, -1);
        INDArray std = z.std(0).reshape(1, -1);
        float[] enc = new float[d * d];
        float[] dec = new float[d * d];
        for (int cell = 0; cell < side * side; cell++) {
            int to = zOrder(cell / side, cell % side, side);
            for (int ch = 0; ch < c; ch++) {
                int src = cell * c + ch;
                int dst = to * c + ch;
                double sd = Math.max(std.getDouble(0, src), 1e-4);
                enc[src * d + dst] = (float) (1.0 / sd);
                dec[dst * d + src] = (float) sd;
            }
        }
        into.putAll(Map.of(MEAN, mean, ENCODE, Nd4j.create(enc, new long[] {d, d}, 'c'),
                DECODE, Nd4j.create(dec, new long[] {d, d}, 'c')));
    }

    /** The place of grid cell (row, col) along a Z-order (Morton) curve; row-major where the side is not a power of two. */
    static int zOrder(int row, int col, int side) {
        if (Integer.bitCount(side) != 1) {
            return row * side + col;
        }
        int out = 0;
        for (int bit = 0; (1 << bit) < side; bit++) {
            out |= ((col >> bit) & 1) << (2 * bit);
            out |= ((row >> bit) & 1) << (2 * bit + 1);
        }
        return out;
    }

    public UnifiedModel unified() {
        return unified;
    }

    public int components() {
        return (int) encode.size(1);
    }

    /** Whitened principal components [n, components]. */
    public INDArray encode(List<RgbImage> images) {
        return whiten(unified.imageLatents(images));
    }

    /** Unified latents [n, latent] -> their whitened principal components [n, components]. */
    public INDArray whiten(INDArray latents) {
        return latents.subRowVector(mean).mmul(encode);
    }

    /** Whitened principal components -> the unified latents they stand for (what the decoder is given). */
    public INDArray unwhiten(INDArray whitened) {
        return whitened.mmul(decode).addRowVector(mean);
    }

    /** The unified text encoder's latent of each caption, projected and whitened like an image's. */
    public INDArray encodeText(List<org.reflectlab.core.data.Caption> captions) {
        return unified.textLatents(captions).subRowVector(mean).mmul(encode);
    }

    public List<RgbImage> decode(INDArray whitened) {
        return unified.decodeImages(unwhiten(whitened));
    }
}
