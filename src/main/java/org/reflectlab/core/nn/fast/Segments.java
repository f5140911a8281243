package org.reflectlab.core.nn.fast;

/**
 * Where each sample's tokens sit among the rows of a packed [rows, width] sequence matrix:
 * sample s holds rows [start(s), start(s) + length(s)). Dense layers, norms and MLPs work on rows
 * alone, so a batch of sequences of different lengths is one matrix; only attention looks at the
 * segments. This is how masked tokens are skipped instead of computed and then ignored.
 */
public record Segments(int[] starts, int[] lengths) {

    /** {@code batch} sequences of {@code t} tokens each, back to back. */
    public static Segments uniform(int batch, int t) {
        int[] s = new int[batch];
        int[] l = new int[batch];
        for (int i = 0; i < batch; i++) {
            s[i] = i * t;
            l[i] = t;
        }
        return new Segments(s, l);
    }

    /** Segments of the given lengths, back to back. */
    public static Segments ofLengths(int[] lengths) {
        int[] s = new int[lengths.length];
        for (int i = 1; i < lengths.length; i++) {
            s[i] = s[i - 1] + lengths[i - 1];
        }
        return new Segments(s, lengths.clone());
    }

    public int count() {
        return starts.length;
    }

    public int start(int s) {
        return starts[s];
    }

    public int length(int s) {
        return lengths[s];
    }

    public int rows() {
        return count() == 0 ? 0 : starts[count() - 1] + lengths[count() - 1];
    }

    public int longest() {
        int m = 0;
        for (int l : lengths) {
            m = Math.max(m, l);
        }
        return m;
    }
}
