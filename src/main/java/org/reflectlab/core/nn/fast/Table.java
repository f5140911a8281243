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
        if (Kernels.VECTOR && !KernelSet.reference()) {
            Kernels.addTable(x, ops.weightMat(name, t, x.cols()));
        } else {
            Kernels.addTable(x, ops.weight(name), t);
        }
    }

    /** x[r, :] += table[first + r, :] for rows that start at position {@code first} of one sequence. */
    public void forward(Mat x, int first) {
        if (first + x.rows() > t) {
            throw new IllegalArgumentException("positions " + first + ".." + (first + x.rows()) + " past " + t);
        }
        if (Kernels.VECTOR) {
            Kernels.addTable(x, ops.weightMat(name, t, x.cols()).rows(first, x.rows()));
        } else {
            Kernels.addTable(x, ops.weight(name).duplicate().position(first * x.cols()).slice(), t);
        }
    }

    public void backward(Mat dx) {
        Kernels.addTableBackward(dx, ops.grad(name), t);
    }
}
