package org.reflectlab.ui.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.Snapshots;

/** The Scaling workspace's exports (rows as CSV, fits as JSON, chart images), each written off the FX thread. */
final class SweepExports {

    private final TaskRunner runner;
    private final Notifier notifier;

    SweepExports(TaskRunner runner, Notifier notifier) {
        this.runner = runner;
        this.notifier = notifier;
    }

    void csv(ScalingViewModel.Run run, Path file) {
        runner.submit(BackgroundTask.of("Export sweep CSV", ctx -> {
            List<SweepRow> rows = run.store().rows();
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write(SweepRow.HEADER + "\n");
                for (SweepRow r : rows) {
                    w.write(r.toCsv() + "\n");
                }
            }
            return rows.size();
        }).onSuccess(n -> notifier.info("Wrote " + n + " rows to " + file))
                .onFailure(e -> notifier.error("Export failed", "Could not write " + file + ": " + e.getMessage())));
    }

    void json(ScalingViewModel.Run run, Path file) {
        runner.submit(BackgroundTask.of("Export fits JSON", ctx -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sweep", run.store().name());
            doc.put("settings", run.store().settings().describe());
            doc.put("models", run.store().info().get("models"));
            doc.put("methods", run.analysis().describe());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
            return file;
        }).onSuccess(f -> notifier.info("Wrote fits to " + f))
                .onFailure(e -> notifier.error("Export failed", "Could not write " + file + ": " + e.getMessage())));
    }

    void charts(Map<String, BufferedImage> images, Path dir) {
        runner.submit(BackgroundTask.of("Export charts", ctx -> {
            for (Map.Entry<String, BufferedImage> e : images.entrySet()) {
                Snapshots.writePng(e.getValue(), dir.resolve(e.getKey()));
            }
            return images.size();
        }).onSuccess(n -> notifier.info("Wrote " + n + " charts to " + dir))
                .onFailure(e -> notifier.error("Export failed", "Could not write the charts to " + dir + ": " + e.getMessage())));
    }
}
