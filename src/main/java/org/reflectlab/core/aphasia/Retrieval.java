package org.reflectlab.core.aphasia;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cross-modal retrieval over the shared latent, by cosine similarity, and how far apart the two
 * modalities sit in it.
 *
 * <p>A retrieval counts as a hit when the retrieved item's key equals the query's key (the key is the
 * true caption): held-out sets repeat captions (one small red circle at top left is one caption,
 * many scenes), and retrieving an identically described twin is not a miss.
 *
 * <p>Modality bias, two stated figures: (1) the share of all 2n latents whose nearest neighbour among
 * the other 2n-1 is of the same modality: 0 when every item's closest latent is its partner from the
 * other modality, 1 when the modalities form separate clusters; (2) the centroid gap of Liang et al.
 * ("Mind the Gap", 2022): the distance between the mean unit-normalised image latent and the mean
 * unit-normalised text latent (0 = the same centre, up to 2).
 */
public record Retrieval(int n, double imageToTextAt1, double imageToTextAt5, double textToImageAt1,
                        double textToImageAt5, double sameModalityShare, double centroidGap, double matchedCosine,
                        double mismatchedCosine) {

    /** Row i of images and of texts are the two modalities of item i; keys say which items are alike. */
    public static Retrieval measure(double[][] images, double[][] texts, Object[] keys) {
        int n = images.length;
        if (n == 0 || texts.length != n || keys.length != n) {
            throw new IllegalArgumentException("need the same number (at least one) of image latents, text latents and keys");
        }
        double[][] a = normalise(images);
        double[][] b = normalise(texts);
        double[][] sim = new double[n][n];
        double matched = 0;
        double mismatched = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = dot(a[i], b[j]);
                if (i == j) {
                    matched += sim[i][j];
                } else {
                    mismatched += sim[i][j];
                }
            }
        }
        int i2t1 = 0;
        int i2t5 = 0;
        int t2i1 = 0;
        int t2i5 = 0;
        double[] row = new double[n];
        for (int q = 0; q < n; q++) {
            System.arraycopy(sim[q], 0, row, 0, n);
            int rank = hitRank(row, keys, q);
            i2t1 += rank < 1 ? 1 : 0;
            i2t5 += rank < 5 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                row[i] = sim[i][q];
            }
            rank = hitRank(row, keys, q);
            t2i1 += rank < 1 ? 1 : 0;
            t2i5 += rank < 5 ? 1 : 0;
        }
        return new Retrieval(n, i2t1 / (double) n, i2t5 / (double) n, t2i1 / (double) n, t2i5 / (double) n,
                sameModalityShare(a, b), centroidGap(a, b), matched / n, n > 1 ? mismatched / ((double) n * (n - 1)) : Double.NaN);
    }

    /** Rank (0 = first) of the best-scoring candidate whose key equals the query's; ties go against the hit. */
    static int hitRank(double[] scores, Object[] keys, int query) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (Objects.equals(keys[i], keys[query])) {
                best = Math.max(best, scores[i]);
            }
        }
        int rank = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= best && !Objects.equals(keys[i], keys[query])) {
                rank++;
            }
        }
        return rank;
    }

    private static double sameModalityShare(double[][] a, double[][] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[][] all = new double[2 * n][];
        System.arraycopy(a, 0, all, 0, n);
        System.arraycopy(b, 0, all, n, n);
        int same = 0;
        for (int i = 0; i < 2 * n; i++) {
            int nearest = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 2 * n; j++) {
                if (j != i) {
                    double s = dot(all[i], all[j]);
                    if (s > best) {
                        best = s;
                        nearest = j;
                    }
                }
            }
            same += (nearest < n) == (i < n) ? 1 : 0;
        }
        return same / (2.0 * n);
    }

    private static double centroidGap(double[][] a, double[][] b) {
        int d = a[0].length;
        double[] ca = new double[d];
        double[] cb = new double[d];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < d; k++) {
                ca[k] += a[i][k] / a.length;
                cb[k] += b[i][k] / b.length;
            }
        }
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += (ca[k] - cb[k]) * (ca[k] - cb[k]);
        }
        return Math.sqrt(s);
    }

    static double[][] normalise(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double norm = Math.sqrt(dot(x[i], x[i])) + 1e-12;
            out[i] = Arrays.stream(x[i]).map(v -> v / norm).toArray();
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("latents differ in width: " + x.length + " and " + y.length);
        }
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }
}
