package org.reflectlab.core.nn.unified;

import java.nio.FloatBuffer;
import org.reflectlab.core.nn.fast.Slot;

/**
 * The unified model's alignment loss, forward and backward, on the fast path: latents normalised,
 * similarities over a temperature, and the mean of the image-to-text and text-to-image
 * cross-entropies against the {@code eye} targets (the graph's formula, written out).
 */
final class ContrastiveLoss {

    /** This loss's own buffers, one per purpose. */
    private final java.util.Map<String, Slot> slots = new java.util.HashMap<>();
    private final int l;
    private final float invT;
    private int n;
    private FloatBuffer eye;

    ContrastiveLoss(int latent, double temperature) {
        this.l = latent;
        this.invT = (float) (1.0 / temperature);
    }

    private FloatBuffer buf(String key, int size) {
        return slots.computeIfAbsent(key, k -> new Slot()).mat(size, 1).buf();
    }

    /** The loss for n image latents zi and text latents zt [n, latent]; keeps what backward needs. */
    double forward(FloatBuffer zi, FloatBuffer zt, FloatBuffer eyeTargets, int count) {
        this.n = count;
        this.eye = eyeTargets;
        FloatBuffer zin = buf("align/zin", n * l);
        FloatBuffer ztn = buf("align/ztn", n * l);
        normalise(zi, zin, buf("align/ni", n));
        normalise(zt, ztn, buf("align/nt", n));
        FloatBuffer sim = buf("align/sim", n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < l; k++) {
                    dot += zin.get(i * l + k) * ztn.get(j * l + k);
                }
                sim.put(i * n + j, (float) dot * invT);
            }
        }
        FloatBuffer rowP = buf("align/rowp", n * n);
        FloatBuffer colP = buf("align/colp", n * n);
        double i2t = 0;
        double t2i = 0;
        for (int i = 0; i < n; i++) {
            double lse = logSumExp(sim, i * n, 1, n);
            for (int j = 0; j < n; j++) {
                double lp = sim.get(i * n + j) - lse;
                rowP.put(i * n + j, (float) Math.exp(lp));
                i2t += eye.get(i * n + j) * lp;
            }
        }
        for (int j = 0; j < n; j++) {
            double lse = logSumExp(sim, j, n, n);
            for (int i = 0; i < n; i++) {
                double lp = sim.get(i * n + j) - lse;
                colP.put(i * n + j, (float) Math.exp(lp));
                t2i += eye.get(i * n + j) * lp;
            }
        }
        return -0.5 * (i2t / n + t2i / n);
    }

    private static double logSumExp(FloatBuffer x, int start, int stride, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, x.get(start + i * stride));
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.exp(x.get(start + i * stride) - max);
        }
        return max + Math.log(sum);
    }

    /** zn = z / (|z| + 1e-6) per row; the norms are kept. */
    private void normalise(FloatBuffer z, FloatBuffer zn, FloatBuffer norms) {
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int k = 0; k < l; k++) {
                sq += z.get(i * l + k) * z.get(i * l + k);
            }
            float norm = (float) Math.sqrt(sq);
            norms.put(i, norm);
            float inv = 1f / (norm + 1e-6f);
            for (int k = 0; k < l; k++) {
                zn.put(i * l + k, z.get(i * l + k) * inv);
            }
        }
    }

    /** Adds weight * dLoss/dzi and dLoss/dzt into dzi and dzt. */
    void backward(double weight, FloatBuffer zi, FloatBuffer zt, FloatBuffer dzi, FloatBuffer dzt) {

        FloatBuffer rowP = buf("align/rowp", n * n);
        FloatBuffer colP = buf("align/colp", n * n);
        FloatBuffer dSim = buf("align/dsim", n * n);
        float scale = (float) (-0.5 * weight / n);
        float[] colE = new float[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < n; j++) {
                colE[j] += eye.get(r * n + j);
            }
        }
        for (int i = 0; i < n; i++) {
            float rowE = rowSum(eye, i, n);
            for (int j = 0; j < n; j++) {
                float e = eye.get(i * n + j);
                dSim.put(i * n + j, scale * ((e - rowE * rowP.get(i * n + j)) + (e - colE[j] * colP.get(i * n + j))));
            }
        }
        FloatBuffer zin = buf("align/zin", n * l);
        FloatBuffer ztn = buf("align/ztn", n * l);
        FloatBuffer dzin = buf("align/dzin", n * l);
        FloatBuffer dztn = buf("align/dztn", n * l);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < l; k++) {
                double a = 0;
                double b = 0;
                for (int j = 0; j < n; j++) {
                    a += dSim.get(i * n + j) * ztn.get(j * l + k);
                    b += dSim.get(j * n + i) * zin.get(j * l + k);
                }
                dzin.put(i * l + k, (float) a * invT);
                dztn.put(i * l + k, (float) b * invT);
            }
        }
        normaliseBackward(zi, buf("align/ni", n), dzin, dzi);
        normaliseBackward(zt, buf("align/nt", n), dztn, dzt);
    }

    /** Backward of zn = z / (|z| + eps), added into dz. */
    private void normaliseBackward(FloatBuffer z, FloatBuffer norms, FloatBuffer dzn, FloatBuffer dz) {
        for (int i = 0; i < n; i++) {
            float norm = norms.get(i);
            float denom = norm + 1e-6f;
            double dot = 0;
            for (int k = 0; k < l; k++) {
                dot += z.get(i * l + k) * dzn.get(i * l + k);
            }
            float coef = norm > 0 ? (float) (dot / (denom * denom * norm)) : 0f;
            for (int k = 0; k < l; k++) {
                dz.put(i * l + k, dz.get(i * l + k) + dzn.get(i * l + k) / denom - z.get(i * l + k) * coef);
            }
        }
    }


    private static float rowSum(FloatBuffer x, int row, int width) {
        float s = 0;
        for (int j = 0; j < width; j++) {
            s += x.get(row * width + j);
        }
        return s;
    }
}
