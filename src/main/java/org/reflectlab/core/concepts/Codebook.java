package org.reflectlab.core.concepts;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.text.Phrase;

/**
 * A vector-quantisation codebook learned by mini-batch k-means (Sculley 2010: each code moves towards
 * the points assigned to it with step 1 / its running count). This is the codebook a VQ-VAE learns,
 * without the encoder: here it quantises raw image patches. Nearest codes are found with one GEMM
 * per chunk (||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2), so 16384 codes stay affordable on two cores.
 */
public final class Codebook {

    private static final int CHUNK = 256;

    private final int size;
    private final int dim;
    private final float[] codes;
    private final float[] norms;

    private Codebook(int size, int dim, float[] codes) {
        this.size = size;
        this.dim = dim;
        this.codes = codes;
        this.norms = new float[size];
        refreshNorms();
    }

    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    /** How training ended. */
    public record Training(Codebook codebook, int iterations, int plannedIterations, double seconds, boolean outOfTime) {
    }

    /**
     * Learns {@code size} codes from {@code data} [n, dim]: initialised from distinct random rows, then
     * {@code iterations} mini-batches of {@code batch} rows, stopping early at {@code budgetSeconds}.
     */
    public static Training learn(float[] data, int dim, int size, int iterations, int batch, double budgetSeconds,
                                 long seed, Progress progress) {
        int n = data.length / dim;
        if (size < 1 || n < 1) {
            throw new IllegalArgumentException("need at least one code and one data row");
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] codes = new float[size * dim];
        // Distinct rows first: ShapesWorld repeats plain-background patches, and duplicate codes would stay dead.
        int[] order = permutation(n, r);
        java.util.Set<FloatBuffer> seen = new java.util.HashSet<>();
        int filled = 0;
        for (int i = 0; i < n && filled < size; i++) {
            if (seen.add(FloatBuffer.wrap(data, order[i] * dim, dim).slice())) {
                System.arraycopy(data, order[i] * dim, codes, filled++ * dim, dim);
            }
        }
        for (int c = filled; c < size; c++) {
            System.arraycopy(data, order[c % n] * dim, codes, c * dim, dim);
        }
        Codebook cb = new Codebook(size, dim, codes);
        long[] counts = new long[size];
        float[] x = new float[batch * dim];
        int[] assign = new int[batch];
        long t0 = System.nanoTime();
        int done = 0;
        boolean outOfTime = false;
        for (int it = 0; it < iterations; it++) {
            progress.check();
            if ((System.nanoTime() - t0) / 1e9 > budgetSeconds) {
                outOfTime = true;
                break;
            }
            for (int b = 0; b < batch; b++) {
                System.arraycopy(data, r.nextInt(n) * dim, x, b * dim, dim);
            }
            cb.assign(x, batch, assign, null);
            for (int b = 0; b < batch; b++) {
                int c = assign[b];
                counts[c]++;
                float eta = 1f / counts[c];
                int co = c * dim;
                for (int j = 0; j < dim; j++) {
                    codes[co + j] += eta * (x[b * dim + j] - codes[co + j]);
                }
            }
            cb.refreshNorms();
            done++;
            progress.update(it + 1, iterations, new Phrase("concepts.progress.codebook", size, it + 1, iterations));
        }
        return new Training(cb, done, iterations, (System.nanoTime() - t0) / 1e9, outOfTime);
    }

    private void refreshNorms() {
        for (int c = 0; c < size; c++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                float v = codes[c * dim + j];
                s += v * v;
            }
            norms[c] = (float) s;
        }
    }

    /**
     * The nearest code of each of the first {@code rows} rows of {@code x}; if {@code error} is given,
     * each row's squared error is written there.
     */
    public void assign(float[] x, int rows, int[] out, double[] error) {
        INDArray book = Nd4j.create(codes, new long[] {size, dim}, 'c');
        INDArray dots = Nd4j.create(DataType.FLOAT, CHUNK, size);
        for (int start = 0; start < rows; start += CHUNK) {
            int m = Math.min(CHUNK, rows - start);
            float[] part = new float[CHUNK * dim];
            System.arraycopy(x, start * dim, part, 0, m * dim);
            INDArray xs = Nd4j.create(part, new long[] {CHUNK, dim}, 'c');
            Nd4j.gemm(xs, book, dots, false, true, 1.0, 0.0);
            FloatBuffer d = dots.data().asNioFloat();
            for (int i = 0; i < m; i++) {
                int best = 0;
                float bestScore = Float.POSITIVE_INFINITY;
                int row = i * size;
                for (int c = 0; c < size; c++) {
                    float score = norms[c] - 2f * d.get(row + c);
                    if (score < bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                out[start + i] = best;
                if (error != null) {
                    error[start + i] = squaredDistance(x, (start + i) * dim, best);
                }
            }
        }
    }

    private double squaredDistance(float[] x, int off, int code) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double e = x[off + j] - codes[code * dim + j];
            s += e * e;
        }
        return s;
    }

    /** Mean squared error per value of quantising {@code data}, and how many distinct codes were used. */
    public double[] meanSquaredError(float[] data) {
        int n = data.length / dim;
        int[] a = new int[n];
        double[] e = new double[n];
        assign(data, n, a, e);
        double sum = 0;
        boolean[] used = new boolean[size];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            sum += e[i];
            if (!used[a[i]]) {
                used[a[i]] = true;
                distinct++;
            }
        }
        return new double[] {sum / ((double) n * dim), distinct};
    }

    /** Each row replaced by its nearest code. */
    public float[] quantise(float[] data) {
        int n = data.length / dim;
        int[] a = new int[n];
        assign(data, n, a, null);
        float[] out = new float[data.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes, a[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
