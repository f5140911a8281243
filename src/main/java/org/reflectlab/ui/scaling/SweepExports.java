package org.reflectlab.ui.scaling;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.store.AtomicFile;
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

    void csv(StoredSweeps.Run run, Path file) {
        runner.submit(BackgroundTask.of("Export sweep CSV", ctx -> {
            List<SweepRow> rows = run.store().rows();
            SweepRow.writeCsv(rows, file);
            return rows.size();
        }).onSuccess(n -> notifier.info("Wrote " + n + " rows to " + file))
                .onFailure(e -> notifier.error("Export failed", e.getMessage())));
    }

    void json(StoredSweeps.Run run, Path file) {
        runner.submit(BackgroundTask.of("Export fits JSON", ctx -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sweep", run.store().name());
            doc.put("settings", run.store().settings().describe());
            doc.put("models", run.store().info().get("models"));
            doc.put("methods", run.analysis().describe());
            AtomicFile.writeJson(file, doc);
            return file;
        }).onSuccess(f -> notifier.info("Wrote fits to " + f))
                .onFailure(e -> notifier.error("Export failed", e.getMessage())));
    }

    void charts(Map<String, RgbImage> images, Path dir) {
        runner.submit(BackgroundTask.of("Export charts", ctx -> {
            for (Map.Entry<String, RgbImage> e : images.entrySet()) {
                Snapshots.writePng(e.getValue(), dir.resolve(e.getKey()));
            }
            return images.size();
        }).onSuccess(n -> notifier.info("Wrote " + n + " charts to " + dir))
                .onFailure(e -> notifier.error("Export failed", e.getMessage())));
    }
}
