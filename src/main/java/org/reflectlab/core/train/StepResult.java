package org.reflectlab.core.train;

import java.util.Map;

/**
 * One training step: its loss and named loss components, and whether it was refused ({@code
 * nonFinite}) because the loss was not finite or exploded, in which case the weights and optimizer
 * state were rolled back to before the step.
 */
public record StepResult(long iteration, double loss, Map<String, Double> components, boolean nonFinite, double learningRate) {

    /** Refused although the loss was a number: it exploded far above its running average. */
    public boolean exploded() {
        return nonFinite && Double.isFinite(loss);
    }
}
