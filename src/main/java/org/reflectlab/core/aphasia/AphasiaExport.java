package org.reflectlab.core.aphasia;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CSV files of a round-trip result: the summary (what the charts show) and one row per sample. */
public final class AphasiaExport {

    private AphasiaExport() {
    }

    /** Columns: section, metric, series, value, low, high (the 95% bootstrap interval where there is one). */
    public static void writeSummaryCsv(AphasiaResult r, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# aphasia round trip: model " + r.model() + " (weights sha256 " + r.modelSha() + "), seed "
                + r.settings().seed() + ", " + r.settings().samples() + " held-out scenes (ShapesWorld seed "
                + r.settings().dataSeed() + "), " + r.settings().resamples() + " bootstrap resamples");
        lines.add("section,metric,series,value,low,high");
        for (MetricSummary m : r.metrics()) {
            for (Route route : Route.values()) {
                lines.add(row("fidelity", m.metric().key(), route.label(), m.of(route)));
            }
            lines.add(row("fidelity", m.metric().key(), "gap", m.gap()));
        }
        for (Route route : List.of(Route.VISUAL, Route.TEXTUAL)) {
            lines.add(row("fidelity", "psnr_db", route.label(), r.psnr().of(route)));
        }
        lines.add(row("fidelity", "psnr_db", "gap", r.psnr().gap()));
        Retrieval q = r.retrieval();
        lines.add(value("retrieval", "recall_at_1", "image_to_text", q.imageToTextAt1()));
        lines.add(value("retrieval", "recall_at_5", "image_to_text", q.imageToTextAt5()));
        lines.add(value("retrieval", "recall_at_1", "text_to_image", q.textToImageAt1()));
        lines.add(value("retrieval", "recall_at_5", "text_to_image", q.textToImageAt5()));
        lines.add(value("modality_bias", "same_modality_nearest_neighbour_share", "all", q.sameModalityShare()));
        lines.add(value("modality_bias", "centroid_gap", "all", q.centroidGap()));
        lines.add(value("modality_bias", "mean_cosine", "matched_pairs", q.matchedCosine()));
        lines.add(value("modality_bias", "mean_cosine", "mismatched_pairs", q.mismatchedCosine()));
        lines.add(value("run", "unparsed_captions", "textual", r.unparsed()));
        lines.add(value("run", "seconds", "all", r.seconds()));
        write(file, lines);
    }

    /** One row per sample: index, true and read caption, every metric per route, PSNR, gap. */
    public static void writeSamplesCsv(AphasiaResult r, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("index,true_caption,read_caption,parsed");
        for (Route route : Route.values()) {
            for (Metric m : Metric.values()) {
                head.append(',').append(route.label()).append('_').append(m.key());
            }
        }
        head.append(",visual_psnr_db,textual_psnr_db,attribute_gap");
        lines.add(head.toString());
        for (SampleOutcome o : r.samples()) {
            StringBuilder b = new StringBuilder();
            b.append(o.index()).append(',').append(quote(o.trueCaption())).append(',').append(quote(o.readCaption()))
                    .append(',').append(o.parsed());
            for (Route route : Route.values()) {
                for (Metric m : Metric.values()) {
                    b.append(',').append(num(o.score(route, m)));
                }
            }
            b.append(',').append(num(o.psnr()[Route.VISUAL.ordinal()])).append(',').append(num(o.psnr()[Route.TEXTUAL.ordinal()]))
                    .append(',').append(num(o.attributeGap()));
            lines.add(b.toString());
        }
        write(file, lines);
    }

    /** Columns: variant, metric, series (visual, textual, gap), value, low, high; one block per variant. */
    public static void writeAblationCsv(List<Ablation.Variant> variants, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("variant,metric,series,value,low,high");
        for (Ablation.Variant v : variants) {
            for (MetricSummary m : v.result().metrics()) {
                for (Route route : List.of(Route.VISUAL, Route.TEXTUAL)) {
                    lines.add(v.name() + "," + row("x", m.metric().key(), route.label(), m.of(route)).substring(2));
                }
                lines.add(v.name() + "," + row("x", m.metric().key(), "gap", m.gap()).substring(2));
            }
            Retrieval q = v.result().retrieval();
            lines.add(v.name() + "," + value("x", "recall_at_1", "image_to_text", q.imageToTextAt1()).substring(2));
            lines.add(v.name() + "," + value("x", "recall_at_1", "text_to_image", q.textToImageAt1()).substring(2));
            lines.add(v.name() + "," + value("x", "same_modality_nearest_neighbour_share", "all", q.sameModalityShare()).substring(2));
            lines.add(v.name() + "," + value("x", "centroid_gap", "all", q.centroidGap()).substring(2));
        }
        write(file, lines);
    }

    private static String row(String section, String metric, String series, MetricSummary.Interval i) {
        return String.join(",", section, metric, series, num(i.mean()), num(i.low()), num(i.high()));
    }

    private static String value(String section, String metric, String series, double v) {
        return String.join(",", section, metric, series, num(v), "", "");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void write(Path file, List<String> lines) throws IOException {
        org.reflectlab.core.store.AtomicFile.writeLines(file, lines);
    }
}
