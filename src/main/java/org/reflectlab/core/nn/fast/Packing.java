package org.reflectlab.core.nn.fast;

/**
 * The rows of a [batch * len, d] sequence matrix whose mask is 1, back to back: padding and unused
 * context slots are left out before a transformer instead of computed and then ignored (a masked
 * key's weight is exp(-1e4) = 0 in float, so no output changes). One place for what every network
 * with a mask does.
 */
public final class Packing {

    private final Slot packed = new Slot();
    private int[] source = new int[0];
    private int fullRows;
    private Segments seg;

    /** Plans the packing from a [batch, len] mask of 1/0 and returns the segments. */
    public Segments plan(Mat mask) {
        int batch = mask.rows();
        int len = mask.cols();
        int[] lengths = new int[batch];
        int count = 0;
        int[] src = new int[batch * len];
        for (int s = 0; s < batch; s++) {
            for (int p = 0; p < len; p++) {
                if (mask.get(s, p) != 0f) {
                    src[count++] = s * len + p;
                    lengths[s]++;
                }
            }
        }
        source = java.util.Arrays.copyOf(src, count);
        fullRows = batch * len;
        seg = Segments.ofLengths(lengths);
        return seg;
    }

    public Segments segments() {
        return seg;
    }

    /** The kept rows of {@code full}, in this packing's own buffer. */
    public Mat pack(Mat full) {
        Mat out = packed.mat(source.length, full.cols());
        pack(full, out);
        return out;
    }

    /** The kept rows of {@code full} into {@code out}. */
    public void pack(Mat full, Mat out) {
        for (int i = 0; i < source.length; i++) {
            full.rows(source[i], 1).copyTo(out.rows(i, 1));
        }
    }

    /** Packed rows back to their places in {@code full} [batch * len, d], zeros at masked rows. */
    public void unpack(Mat rows, Mat full) {
        if (full.rows() != fullRows) {
            throw new IllegalArgumentException("unpack into " + full.rows() + " rows, planned for " + fullRows);
        }
        full.fill(0f);
        for (int i = 0; i < source.length; i++) {
            rows.rows(i, 1).copyTo(full.rows(source[i], 1));
        }
    }
}
