package org.reflectlab.core.nn.fast;

/** x[batch * t, d] += table[t, d]: learned positions (SdBuilder.table added to a sequence). */
public final class Table {

    private final FastOps ops;
    private final String name;
    private final int t;

    public Table(FastOps ops, String name, int t) {
        this.ops = ops;
        this.name = name;
        this.t = t;
    }

    public void forward(Mat x) {
        Kernels.addTable(x, ops.weight(name), t);
    }

    public void backward(Mat dx) {
        Kernels.addTableBackward(dx, ops.grad(name), t);
    }
}
