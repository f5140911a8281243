package org.reflectlab.core.nn.fast;

/**
 * y = x W + b with W = name/w [in, out] and b = name/b, as SdBuilder.dense: one GEMM. The forward
 * pass remembers its input Mat (not a copy: it must stay unchanged until the backward pass), which
 * is all the backward pass needs.
 */
public final class Dense {

    private final FastOps ops;
    private final String name;
    private final int in;
    private final int out;
    private final Slot output = new Slot();
    private Mat x;

    public Dense(FastOps ops, String name, int in, int out) {
        this.ops = ops;
        this.name = name;
        this.in = in;
        this.out = out;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** x W + b into this layer's own output buffer. */
    public Mat forward(Mat x) {
        Mat y = output.mat(x.rows(), out);
        forward(x, y, false);
        return y;
    }

    /** y (= or, with {@code accumulate}, +=) x W + b: accumulating is how residual connections add in place. */
    public void forward(Mat x, Mat y, boolean accumulate) {
        this.x = x;
        // the bias goes onto each tile as it is stored, or onto each block of rows as soon as its product is done
        Blas.gemm(x, false, weights(), false, y, 1f, accumulate ? 1f : 0f, ops.row(name + "/b", false), null);
    }

    /**
     * gelu(x W + b) through {@code gelu}, which keeps what its backward pass needs: bias and GELU in one pass over
     * each block of the product's rows as soon as it is done (the same values as {@link #forward(Mat)} then
     * {@link Gelu#forward}, one read of the wide [rows, 4d] output fewer).
     */
    public Mat forwardGelu(Mat x, Gelu gelu) {
        this.x = x;
        Mat u = output.mat(x.rows(), out);
        Mat b = ops.row(name + "/b", false);
        Mat g = gelu.begin(u);
        if (Blas.tiled(x.rows(), out, false, false)) {
            // the bias inside the product; an inference path keeps no sigmoid (only a backward pass reads it)
            Blas.gemm(x, false, weights(), false, u, 1f, 0f, b, null);
            gelu.rows(0, u.rows(), ops.training());
        } else {
            Blas.gemm(x, false, weights(), false, u, 1f, 0f, (from, to) -> gelu.biasRows(b, from, to));
        }
        return g;
    }

    /** dW += x^T dy, db += column sums of dy, and dx (=|+=) dy W^T when dx is not null. */
    public void backward(Mat dy, Mat dx, boolean accumulateDx) {
        Blas.gemm(x, true, dy, false, Mat.of(ops.grad(name + "/w"), in, out), 1f, 1f);
        Kernels.addColumnSums(dy, ops.row(name + "/b", true));
        if (dx != null) {
            Blas.gemm(dy, false, weights(), true, dx, 1f, accumulateDx ? 1f : 0f);
        }
    }

    private Mat weights() {
        return ops.weightMat(name + "/w", in, out);
    }
}
