package org.reflectlab.core.nn.fast;

/**
 * Attention's scores, softmax and weighted values for inference on the vector kernels: per segment and head, the
 * head's keys transposed into a scratch [dh, t'] (t' = t rounded up to whole vectors, zeros past t), scores
 * Q K^T into [t, t'] by {@link VectorTiles}, softmax over the first t columns, then the weighted values, the
 * head's values copied into whole vectors first where the head width is not made of them (the unified model's
 * 24 = 16 + 8). Before, each head cost two {@code cblas_sgemm} calls on [t, 24] operands: 8 per block, ~100 per
 * batch-1 unified forward, each paying OpenBLAS's set-up for a few thousand multiply-adds. The same sums, in the same
 * order, as {@link VectorTiles}; the reference kernel set and training keep the per-head products.
 */
final class HeadsForward {

    private final int d;
    private final int heads;
    private final int dh;
    private final int dPad;
    /** Per lane: keys transposed, scores, padded values and padded output (lanes run segments at the same time). */
    private Slot[][] scratch = new Slot[0][];

    HeadsForward(int d, int heads) {
        this.d = d;
        this.heads = heads;
        this.dh = d / heads;
        // without the Vector API (a JVM started without --add-modules) this path never runs, and must not touch its classes
        this.dPad = Kernels.VECTOR ? roundUp(dh) : dh;
    }

    /**
     * Tokens a segment has at most for this path. Measured side by side (loaded machine): a batch-32 unified forward,
     * whose 32 image sequences have 64 tokens each, took 188-212 ms this way against 120-139 ms with the per-head
     * products, the transposes and copies here costing more than {@code cblas_sgemm}'s set-up at that length; the
     * short sequences of batch-1 inference (the text's 7 tokens, the caption's 24, the generator's 5 to 17) are where
     * the set-up weighs. {@code -Dreflectlab.attention.tokens=N} moves the bound.
     */
    static final int MAX_TOKENS = Integer.getInteger("reflectlab.attention.tokens", 32);

    /** Whether this path runs for these segments: the Vector API is there, the current kernel set is chosen, segments are short. */
    static boolean applies(Segments seg) {
        return Kernels.VECTOR && !KernelSet.reference() && seg.longest() <= MAX_TOKENS;
    }

    private static int roundUp(int n) {
        int l = VectorKernels.S.length();
        return (n + l - 1) / l * l;
    }

    /** a's rows of every segment = the heads' attention outputs side by side, from q, k and v [rows, d]. */
    void forward(Mat q, Mat k, Mat v, Segments seg, Mat a) {
        int lanes = Lanes.count();
        if (scratch.length < lanes) {
            Slot[][] more = java.util.Arrays.copyOf(scratch, lanes);
            for (int i = scratch.length; i < lanes; i++) {
                more[i] = new Slot[] {new Slot(), new Slot(), new Slot(), new Slot()};
            }
            scratch = more;
        }
        Slot[][] s = scratch;
        Lanes.split(seg.count(), (lane, from, to) -> {
            for (int i = from; i < to; i++) {
                segment(q, k, v, seg.start(i), seg.length(i), a, s[lane]);
            }
        });
    }

    private void segment(Mat q, Mat k, Mat v, int start, int t, Mat a, Slot[] slots) {
        int tPad = roundUp(t);
        float scale = (float) (1.0 / Math.sqrt(dh));
        Mat kt = slots[0].mat(dh, tPad);
        Mat scores = slots[1].mat(t, tPad);
        boolean padded = dPad != dh;
        Mat vPad = padded ? slots[2].mat(t, dPad) : null;
        Mat oPad = padded ? slots[3].mat(t, dPad) : null;
        if (padded) {
            vPad.fill(0f);
        }
        kt.fill(0f);
        for (int h = 0; h < heads; h++) {
            int col = h * dh;
            Mat qh = q.rows(start, t).cols(col, dh);
            long t0 = KernelTimer.start();
            transpose(k.rows(start, t).cols(col, dh), kt);
            KernelTimer.stop(KernelTimer.Kind.COPY_AND_PACK, t0);
            Blas.timedTiles(qh, kt, scores, scale, 0f);
            Mat p = scores.cols(0, t);
            Kernels.softmaxRows(p, false);
            Mat vh = v.rows(start, t).cols(col, dh);
            Mat ah = a.rows(start, t).cols(col, dh);
            if (padded) {
                vh.copyTo(vPad.cols(0, dh));
                Blas.timedTiles(p, vPad, oPad, 1f, 0f);
                oPad.cols(0, dh).copyTo(ah);
            } else {
                Blas.timedTiles(p, vh, ah, 1f, 0f);
            }
        }
    }

    /** to[c, j] = from[j, c] for the from's columns and rows (to's columns past from's rows are left as they are). */
    private static void transpose(Mat from, Mat to) {
        for (int j = 0; j < from.rows(); j++) {
            int row = from.off() + j * from.ld();
            for (int c = 0; c < from.cols(); c++) {
                to.buf().put(to.off() + c * to.ld() + j, from.buf().get(row + c));
            }
        }
    }
}
