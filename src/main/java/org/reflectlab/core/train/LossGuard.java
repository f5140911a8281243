package org.reflectlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a step's loss is kept, for both trainers: it must be finite and, when guarded, not above
 * a factor times the running average of kept losses (a finite explosion is a divergence too).
 */
final class LossGuard {

    private final Map<String, Double> weights;
    private double explosionFactor;
    private double runningLoss = Double.NaN;

    /** @param weights how the loss components sum to the loss, in the order results report them */
    LossGuard(Map<String, Double> weights) {
        this.weights = new LinkedHashMap<>(weights);
    }

    void guardExplosions(double factor) {
        this.explosionFactor = factor;
    }

    double runningLoss() {
        return runningLoss;
    }

    /** The components in the weights' order (NaN for one the step did not report). */
    Map<String, Double> components(Map<String, Double> reported) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.keySet().forEach(c -> out.put(c, reported.getOrDefault(c, Double.NaN)));
        return out;
    }

    /** The weighted total of the components. */
    double total(Map<String, Double> components) {
        double loss = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            loss += w.getValue() * components.get(w.getKey());
        }
        return loss;
    }

    /** True if a step with this loss is kept; a kept loss joins the running average. */
    boolean accept(double loss) {
        boolean finite = Double.isFinite(loss);
        boolean exploded = finite && explosionFactor > 0 && runningLoss > 0 && loss > explosionFactor * runningLoss;
        if (finite && !exploded) {
            runningLoss = Double.isNaN(runningLoss) ? loss : 0.9 * runningLoss + 0.1 * loss;
            return true;
        }
        return false;
    }
}
