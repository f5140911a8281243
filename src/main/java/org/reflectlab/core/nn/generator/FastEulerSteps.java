package org.reflectlab.core.nn.generator;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Generator#integrate}'s Euler steps on the fast path: the placeholders built once (only the time and the noisy
 * latent change from step to step, written into the same arrays) and the step's arithmetic on float arrays, where the
 * graph's loop builds every input again and makes some ten ND4J calls per step. The same float operations in the same
 * order as those calls: v = (v - x) / r, v = vu + (vc - vu) w, x += v dt.
 */
final class FastEulerSteps {

    private FastEulerSteps() {
    }

    static INDArray integrate(Generator g, GeneratorNet net, List<Generator.Condition> batch, int n, INDArray x, double from, double dt,
                              int steps, double guidance) {
        GeneratorConfig cfg = g.config();
        int rows = batch.size();
        int dim = cfg.latent();
        boolean guided = rows != n;
        INDArray xt = Nd4j.create(DataType.FLOAT, rows, dim);
        double[] t = new double[rows];
        java.util.Arrays.fill(t, from);
        Map<String, INDArray> in = g.inputs(batch, xt, t);
        java.nio.FloatBuffer xtBuf = org.reflectlab.core.nn.fast.FastOps.view(xt);
        java.nio.FloatBuffer timeBuf = org.reflectlab.core.nn.fast.FastOps.view(in.get("time"));
        float[] xs = x.dup('c').data().asFloat();
        float[] v = new float[rows * dim];
        float[] time = new float[rows * Generator.TIME_FEATURES];
        float w = (float) guidance;
        float step = (float) dt;
        for (int s = 0; s < steps; s++) {
            double ts = from + s * dt;
            for (int i = 0; i < rows; i++) {
                Generator.timeFeatures(ts, time, i * Generator.TIME_FEATURES);
            }
            timeBuf.put(0, time);
            xtBuf.put(0, xs);
            if (guided) {
                xtBuf.put(n * dim, xs);
            }
            net.velocity(in, v);
            if (cfg.predictsData()) {
                float r = (float) Math.max(Generator.MIN_REMAINING_TIME, 1.0 - ts);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (v[i] - xs[i % (n * dim)]) / r;
                }
            }
            for (int i = 0; i < n * dim; i++) {
                float vi = guided ? v[n * dim + i] + (v[i] - v[n * dim + i]) * w : v[i];
                xs[i] += vi * step;
            }
        }
        x.assign(Nd4j.create(xs, new long[] {n, dim}, 'c').reshape(x.shape()));
        return x;
    }

}
