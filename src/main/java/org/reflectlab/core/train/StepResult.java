package org.reflectlab.core.train;

import java.util.Map;

/**
 * One training step: its loss and named loss components, and whether it was refused because
 * the loss was not finite (in which case the weights were rolled back to before the step).
 */
public record StepResult(long iteration, double loss, Map<String, Double> components, boolean nonFinite, double learningRate) {
}
