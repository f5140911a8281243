package org.reflectlab.core.nn.fast;

/** GELU (x * sigmoid(1.702 x), libnd4j's form) into its own output, keeping input and sigmoid for the backward pass. */
public final class Gelu {

    private final Slot output = new Slot();
    private final Slot sig = new Slot();
    private Mat u;
    private Mat s;

    public Mat forward(Mat u) {
        this.u = u;
        Mat g = output.mat(u.rows(), u.cols());
        s = sig.mat(u.rows(), u.cols());
        Kernels.gelu(u, g, s);
        return g;
    }

    /** In place on the incoming gradient. */
    public void backward(Mat grad) {
        Kernels.geluBackward(u, s, grad);
    }
}
