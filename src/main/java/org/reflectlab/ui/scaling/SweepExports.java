package org.reflectlab.ui.scaling;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.Snapshots;

/** The Scaling workspace's exports (rows as CSV, fits as JSON, chart images), each written off the FX thread. */
final class SweepExports {

    private final FileExport export;

    SweepExports(TaskRunner runner, Notifier notifier) {
        this.export = new FileExport(runner, notifier);
    }

    void csv(StoredSweeps.Run run, Path file) {
        export.run(I18n.tr("scaling.export.csv.task"), file, () -> {
            List<SweepRow> rows = run.store().rows();
            SweepRow.writeCsv(rows, file);
            return I18n.tr("scaling.export.csv.done", rows.size(), file.toString());
        });
    }

    void json(StoredSweeps.Run run, Path file) {
        export.run(I18n.tr("scaling.export.json.task"), file, () -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sweep", run.store().name());
            doc.put("settings", run.store().settings().describe());
            doc.put("models", run.store().info().get("models"));
            doc.put("methods", run.analysis().describe());
            AtomicFile.writeJson(file, doc);
            return I18n.tr("scaling.export.json.done", file.toString());
        });
    }

    void charts(Map<String, RgbImage> images, Path dir) {
        export.run(I18n.tr("scaling.export.png.task"), dir, () -> {
            for (Map.Entry<String, RgbImage> e : images.entrySet()) {
                Snapshots.writePng(e.getValue(), dir.resolve(e.getKey()));
            }
            return I18n.tr("scaling.export.png.done", images.size(), dir.toString());
        });
    }
}
