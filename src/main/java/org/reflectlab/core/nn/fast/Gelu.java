package org.reflectlab.core.nn.fast;

/** GELU (x * sigmoid(1.702 x), libnd4j's form) into its own output, keeping input and sigmoid for the backward pass. */
public final class Gelu {

    private final Slot output = new Slot();
    private final Slot sig = new Slot();
    private Mat u;
    private Mat s;
    private Mat g;

    public Mat forward(Mat u) {
        this.u = u;
        Mat g = output.mat(u.rows(), u.cols());
        s = sig.mat(u.rows(), u.cols());
        Kernels.gelu(u, g, s);
        return g;
    }

    /** Starts a fused forward ({@link Dense#forwardGelu}): u is filled block by block, then {@link #biasRows} per block. */
    Mat begin(Mat u) {
        this.u = u;
        s = sig.mat(u.rows(), u.cols());
        g = output.mat(u.rows(), u.cols());
        return g;
    }

    /** u += b and the GELU of rows [from, to) of the input {@link #begin} was given. */
    void biasRows(Mat b, int from, int to) {
        int n = to - from;
        Kernels.biasGelu(u.rows(from, n), b, g.rows(from, n), s.rows(from, n));
    }

    /** The GELU of rows [from, to) of the input {@link #begin} was given (its bias already added), the sigmoid kept if asked. */
    void rows(int from, int to, boolean keepSigmoid) {
        int n = to - from;
        Kernels.gelu(u.rows(from, n), g.rows(from, n), keepSigmoid ? s.rows(from, n) : null);
    }

    /** In place on the incoming gradient. */
    public void backward(Mat grad) {
        Kernels.geluBackward(u, s, grad);
    }
}
