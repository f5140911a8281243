package org.reflectlab.core.nn.fast;

/** Layer norm of each row without gain or bias (SdBuilder's); keeps its output and 1/sigma for the backward pass. */
public final class LayerNorm {

    private final Slot output = new Slot();
    private final Slot inv = new Slot();
    private Mat y;

    public Mat forward(Mat x) {
        y = output.mat(x.rows(), x.cols());
        Kernels.layerNorm(x, y, inv.mat(x.rows(), 1).buf());
        return y;
    }

    /** dx (=|+=) the gradient of the input from that of the output. */
    public void backward(Mat dy, Mat dx, boolean accumulate) {
        Kernels.layerNormBackward(y, inv.mat(y.rows(), 1).buf(), dy, dx, accumulate);
    }
}
