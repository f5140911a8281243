package org.reflectlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.fast.AdamKernel;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Grads;

/**
 * Adam over a model whose forward and backward passes are written out on the fast path (see
 * {@code UnifiedBackprop}): one fused pass over every parameter per step ({@link AdamKernel}: vectorised,
 * split over the fast path's lanes) instead of SameDiff's one updater op per array. Same update as ND4J's Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias
 * correction folded into the step size), same NaN rollback and checkpoint keys as {@link SdTrainer}.
 *
 * <p>Use from one thread only.
 */
public final class FastTrainer implements StepTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Params params;
    private final Grads grads;
    private final Function<INDArray[], Map<String, Double>> forwardBackward;
    private final LossGuard guard;
    private final ISchedule schedule;
    private final java.util.function.Predicate<String> trainable;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long iteration;
    private AdamKernel kernel;
    private List<INDArray> kernelArrays;

    /**
     * @param forwardBackward runs one batch (features in the model's placeholder order), returns the
     *                        unweighted loss components and leaves the gradients of the weighted
     *                        total in {@code grads}
     */
    public FastTrainer(Params params, Grads grads, Function<INDArray[], Map<String, Double>> forwardBackward,
                       Map<String, Double> weights, ISchedule schedule) {
        this(params, grads, forwardBackward, weights, schedule, name -> true);
    }

    /** As above, updating only the parameters {@code trainable} accepts (the rest stay frozen). */
    public FastTrainer(Params params, Grads grads, Function<INDArray[], Map<String, Double>> forwardBackward,
                       Map<String, Double> weights, ISchedule schedule, java.util.function.Predicate<String> trainable) {
        this.trainable = trainable;
        this.params = params;
        this.grads = grads;
        this.forwardBackward = forwardBackward;
        this.guard = new LossGuard(weights);
        this.schedule = schedule;
        params.arrays().forEach((k, a) -> {
            m.put(k, Nd4j.zeros(a.dataType(), a.shape()));
            v.put(k, Nd4j.zeros(a.dataType(), a.shape()));
        });
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public double learningRate() {
        return schedule.valueAt((int) iteration, 0);
    }

    @Override
    public void guardExplosions(double factor) {
        guard.guardExplosions(factor);
    }

    @Override
    public double runningLoss() {
        return guard.runningLoss();
    }

    @Override
    public StepResult step(MultiDataSet batch) {
        double lr = learningRate();
        Map<String, Double> parts = guard.components(forwardBackward.apply(batch.getFeatures()));
        double loss = guard.total(parts);
        boolean kept = gradientsFinite() && guard.accept(loss);
        if (kept) {
            update(lr);
        }
        iteration++; // as SdTrainer: a rejected step still uses up its batch and its place in the schedule
        return new StepResult(iteration, loss, parts, !kept, lr);
    }

    /** A non-finite loss or gradient leaves weights and moments as they were (nothing was applied yet). */
    private boolean gradientsFinite() {
        return kernel().gradientsFinite();
    }

    private void update(double lr) {
        double alpha = lr * Math.sqrt(1 - Math.pow(BETA2, iteration + 1)) / (1 - Math.pow(BETA1, iteration + 1));
        kernel().update((float) alpha, (float) BETA1, (float) BETA2, (float) EPS);
    }

    /** The fused pass over the parameter arrays as they are now (rebuilt if an array was replaced, not just assigned). */
    private AdamKernel kernel() {
        List<INDArray> now = List.copyOf(params.arrays().values());
        boolean same = kernelArrays != null && kernelArrays.size() == now.size();
        for (int i = 0; same && i < now.size(); i++) {
            same = kernelArrays.get(i) == now.get(i);
        }
        if (!same) {
            List<AdamKernel.Part> parts = new ArrayList<>();
            params.arrays().forEach((k, a) -> parts.add(new AdamKernel.Part(FastOps.view(a), grads.of(k),
                    FastOps.view(m.get(k)), FastOps.view(v.get(k)), trainable.test(k))));
            kernel = new AdamKernel(parts);
            kernelArrays = now;
        }
        return kernel;
    }

    @Override
    public Map<String, INDArray> updaterState() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (iteration == 0) {
            return out;
        }
        for (String k : params.arrays().keySet()) {
            out.put(k + "/M", m.get(k));
            out.put(k + "/V", v.get(k));
        }
        return out;
    }

    @Override
    public Map<String, INDArray> saveState() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        updaterState().forEach((k, a) -> out.put(k, a.dup()));
        return out;
    }

    @Override
    public void loadState(Map<String, INDArray> state, long iteration) {
        for (String k : params.arrays().keySet()) {
            for (String key : List.of("M", "V")) {
                INDArray saved = state.get(k + "/" + key);
                INDArray target = (key.equals("M") ? m : v).get(k);
                if (saved != null && java.util.Arrays.equals(target.shape(), saved.shape())) {
                    target.assign(saved);
                }
            }
        }
        this.iteration = iteration;
    }
}
