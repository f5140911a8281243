package org.reflectlab.core.data;

/**
 * One ShapesWorld sample: a scene, the caption of its category (the GenEval-style prompt it
 * answers) and its full description.
 */
public record Sample(long index, Category category, Scene scene, Caption caption, Caption description) {
}
