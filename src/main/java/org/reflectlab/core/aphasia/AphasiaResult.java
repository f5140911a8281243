package org.reflectlab.core.aphasia;

import java.util.List;

/**
 * A finished round-trip experiment: per-sample outcomes, per-metric summaries with intervals, PSNR
 * per route, retrieval over the shared latent, and how long it took.
 *
 * @param model    the unified model's name in the store
 * @param modelSha the SHA-256 of its weights file (what results are cached under)
 * @param psnr     PSNR summary in dB (the original route is NaN)
 * @param unparsed how many read captions did not parse (their textual route drew nothing)
 */
public record AphasiaResult(String model, String modelSha, AphasiaSettings settings, List<SampleOutcome> samples,
                            List<MetricSummary> metrics, MetricSummary psnr, Retrieval retrieval, int unparsed,
                            double seconds) {

    public MetricSummary summary(Metric m) {
        return metrics.get(m.ordinal());
    }
}
