package org.reflectlab.core.aphasia;

/**
 * One metric over the samples: each route's mean with its bootstrap 95% interval, and the paired
 * gap (visual - textual; resampling scenes, so both routes see the same resample).
 */
public record MetricSummary(Metric metric, Interval original, Interval visual, Interval textual, Interval gap) {

    /** A mean and its 95% interval. */
    public record Interval(double mean, double low, double high) {
    }

    public Interval of(Route route) {
        return switch (route) {
            case ORIGINAL -> original;
            case VISUAL -> visual;
            case TEXTUAL -> textual;
        };
    }
}
