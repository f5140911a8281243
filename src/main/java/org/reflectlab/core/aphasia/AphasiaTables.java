package org.reflectlab.core.aphasia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result as the plain-text tables the CLI prints (and the README quotes). */
public final class AphasiaTables {

    private AphasiaTables() {
    }

    public static List<String> lines(AphasiaResult r) {
        List<String> out = new ArrayList<>();
        AphasiaSettings s = r.settings();
        out.add(String.format(Locale.ROOT, "# aphasia round trip: model '%s' (weights sha256 %s), judge 'judge'", r.model(),
                r.modelSha().substring(0, Math.min(12, r.modelSha().length()))));
        out.add(String.format(Locale.ROOT, "# %d held-out scenes: ShapesWorld seed %d (= %d + --seed %d); %d bootstrap resamples",
                s.samples(), s.dataSeed(), AphasiaSettings.HELDOUT_SEED_BASE, s.seed(), s.resamples()));
        out.add("# visual:  " + Route.VISUAL.path());
        out.add("# textual: " + Route.TEXTUAL.path());
        out.add("# scores are means over scenes in [0,1], [95% bootstrap interval]; judge@original = the judge on the true render");
        out.add("# (fine position is read by the pixel blob reader, not the judge: centroid within "
                + AttributeAgreement.FINE_TOLERANCE_PX + " px of the original's)");
        out.add(String.format(Locale.ROOT, "%-14s %14s %24s %24s %26s", "metric", "judge@original", "visual", "textual",
                "gap (visual - textual)"));
        for (MetricSummary m : r.metrics()) {
            String original = m.metric() == Metric.PIXELS ? "-" : String.format(Locale.ROOT, "%.3f", m.original().mean());
            out.add(String.format(Locale.ROOT, "%-14s %14s %24s %24s %26s", m.metric().label(), original, cell(m.visual(), 3),
                    cell(m.textual(), 3), cell(m.gap(), 3)));
        }
        out.add(String.format(Locale.ROOT, "%-14s %14s %24s %24s %26s", "PSNR (dB)", "-", cell(r.psnr().visual(), 2),
                cell(r.psnr().textual(), 2), cell(r.psnr().gap(), 2)));
        out.add(String.format(Locale.ROOT, "# %d of %d read captions did not parse (their textual route drew an empty canvas)",
                r.unparsed(), s.samples()));
        Retrieval q = r.retrieval();
        out.add("# cross-modal retrieval over the shared latent (cosine; image latents vs latents of the true captions;");
        out.add("# a hit = the retrieved item carries the query's caption)");
        out.add(String.format(Locale.ROOT, "%-16s %8s %8s", "direction", "R@1", "R@5"));
        out.add(String.format(Locale.ROOT, "%-16s %8.3f %8.3f", "image -> text", q.imageToTextAt1(), q.imageToTextAt5()));
        out.add(String.format(Locale.ROOT, "%-16s %8.3f %8.3f", "text -> image", q.textToImageAt1(), q.textToImageAt5()));
        out.add("# modality bias");
        out.add(String.format(Locale.ROOT, "same-modality nearest neighbour share %.3f  (0 = every latent's nearest is its partner"
                + " in the other modality, 1 = modalities in separate clusters)", q.sameModalityShare()));
        out.add(String.format(Locale.ROOT, "centroid gap %.3f  (|mean unit image latent - mean unit text latent|, 0..2)",
                q.centroidGap()));
        out.add(String.format(Locale.ROOT, "mean cosine: matched pairs %.3f, mismatched pairs %.3f", q.matchedCosine(),
                q.mismatchedCosine()));
        out.add(String.format(Locale.ROOT, "# ran in %.1f s", r.seconds()));
        return out;
    }

    private static String cell(MetricSummary.Interval i, int digits) {
        String f = "%." + digits + "f [%." + digits + "f, %." + digits + "f]";
        return String.format(Locale.ROOT, f, i.mean(), i.low(), i.high());
    }
}
