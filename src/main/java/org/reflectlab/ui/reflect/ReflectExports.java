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
import org.reflectlab.ui.kit.Notifier;

/** Reflect's exports: the filmstrip as one PNG, the finished run as JSON; written in the background, the outcome notified. */
final class ReflectExports {

    private final FileExport export;

    ReflectExports(TaskRunner runner, Notifier notifier) {
        this.export = new FileExport(runner, notifier);
    }

    void strip(List<Iteration> iterations, Path file) {
        List<Iteration> its = List.copyOf(iterations);
        if (!export.nothing(its.isEmpty() ? null : its, "Run reflection first.")) {
            export.write(file, () -> ImageGrid.writePng(RunExport.strip(its), file));
        }
    }

    /** The run as JSON, with the learner's prediction for it (when there was one) beside what the judge found. */
    void json(ReflectionRun run, Compute compute, org.reflectlab.core.reflect.FixPrediction prediction, Path file) {
        if (!export.nothing(run, "Finish a reflection run first.")) {
            var map = RunExport.toMap(run, compute);
            if (prediction != null) {
                var o = prediction.against(run);
                map.put("prediction", java.util.Map.of("fixedAt", prediction.text(), "judgeFirstCorrect", o.fixedAt() == 0 ? "never"
                        : Integer.toString(o.fixedAt()), "reveal", org.reflectlab.core.reflect.FixPrediction.reveal(o)));
            }
            export.write(file, () -> RunExport.writeJson(map, file));
        }
    }
}
