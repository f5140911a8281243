package org.reflectlab.core.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** The pipeline's report: every stage's models and files with their held-out metrics, as a Markdown table. */
final class PipelineReport {

    private PipelineReport() {
    }

    static String markdown(List<Stage> stages, Map<String, Map<String, Object>> records, ModelStore store) {
        StringBuilder b = new StringBuilder("| stage | model | minutes | held-out metrics |\n|---|---|---|---|\n");
        for (Stage s : stages) {
            Object minutes = records.getOrDefault(s.name(), Map.of()).get("minutes");
            for (String m : s.models()) {
                String metrics;
                try {
                    Manifest man = store.verify(m);
                    metrics = describe(man.metrics());
                } catch (ModelStoreException e) {
                    metrics = "not available: " + e.getMessage();
                }
                b.append("| ").append(s.name()).append(" | ").append(m).append(" | ").append(minutes == null ? "-" : minutes)
                        .append(" | ").append(metrics).append(" |\n");
            }
            for (String f : s.files()) {
                b.append("| ").append(s.name()).append(" | ").append(Path.of(f).getFileName()).append(" | ")
                        .append(minutes == null ? "-" : minutes).append(" | ").append(Pipeline.fileRef(Path.of(f))).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String describe(Map<String, Object> metrics) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((k, v) -> parts.add(k + " " + (v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v)));
        return String.join(", ", parts);
    }
}
