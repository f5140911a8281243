package org.reflectlab.ui.reflect;

import java.nio.file.Path;
import java.util.List;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.reflect.Compute;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.RunExport;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** Reflect's exports: the filmstrip as one PNG, the finished run as JSON; written in the background, the outcome notified. */
final class ReflectExports {

    private final FileExport export;
    private final Notifier notifier;

    ReflectExports(TaskRunner runner, Notifier notifier) {
        this.export = new FileExport(runner, notifier);
        this.notifier = notifier;
    }

    void strip(List<Iteration> iterations, Path file) {
        List<Iteration> its = List.copyOf(iterations);
        if (!export.nothing(its.isEmpty() ? null : its, I18n.tr("reflect.export.nothing"))) {
            export.write(file, () -> ImageGrid.writePng(RunExport.strip(its), file));
        }
    }

    /** The run as JSON, with the learner's prediction for it (when there was one) beside what the judge found. */
    void json(ReflectionRun run, Compute compute, org.reflectlab.core.reflect.FixPrediction prediction, Path file) {
        if (run != null && compute == null) { // the costs come from the models: without them the JSON would lack its NFE
            notifier.error(I18n.tr("reflect.export.loading.title"), I18n.tr("reflect.export.loading"));
            return;
        }
        if (!export.nothing(run, I18n.tr("reflect.export.unfinished"))) {
            var map = RunExport.toMap(run, compute);
            if (prediction != null) {
                var o = prediction.against(run);
                map.put("prediction", java.util.Map.of("fixedAt", prediction.text(), "judgeFirstCorrect", o.fixedAt() == 0 ? "never"
                        : Integer.toString(o.fixedAt()), "reveal", org.reflectlab.core.reflect.FixPrediction.reveal(o).english()));
            }
            export.write(file, () -> RunExport.writeJson(map, file));
        }
    }
}
