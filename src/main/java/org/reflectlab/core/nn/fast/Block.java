package org.reflectlab.core.nn.fast;

/**
 * The pre-norm transformer block of SdBuilder.block, in place on x [rows, d]:
 * x += attention(ln(x)); x += mlp(ln(x)). Inference and training run the same forward; the
 * backward pass reuses what it kept (norm outputs, probabilities, GELU's sigmoid).
 */
public final class Block {

    private final int d;
    private final LayerNorm ln1 = new LayerNorm();
    private final LayerNorm ln2 = new LayerNorm();
    private final Attention attention;
    private final Dense fc1;
    private final Dense fc2;
    private final Gelu gelu = new Gelu();
    private final Slot dHidden = new Slot();
    private final Slot dWide = new Slot();
    private int rows;

    public Block(FastOps ops, String name, int d, int heads) {
        this.d = d;
        this.attention = new Attention(ops, name, d, heads);
        this.fc1 = new Dense(ops, name + "/mlp/fc1", d, 4 * d);
        this.fc2 = new Dense(ops, name + "/mlp/fc2", 4 * d, d);
    }

    public void forward(Mat x, Segments seg) {
        rows = x.rows();
        attention.forward(ln1.forward(x), seg, x);
        Mat g = fc1.forwardGelu(ln2.forward(x), gelu);
        fc2.forward(g, x, true);
    }

    /** dx in place: from the gradient of the block's output to that of its input. */
    public void backward(Mat dx) {
        Mat dg = dWide.mat(rows, 4 * d);
        fc2.backward(dx, dg, false);
        gelu.backward(dg);
        Mat dh = dHidden.mat(rows, d);
        fc1.backward(dg, dh, false);
        ln2.backward(dh, dx, true);
        attention.backward(dx, dh);
        ln1.backward(dh, dx, true);
    }
}
