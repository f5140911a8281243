package org.reflectlab.ui.reflect;

import java.nio.file.Path;
import java.util.List;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.reflect.Compute;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.RunExport;
import org.reflectlab.ui.kit.Notifier;

/** Reflect's exports: the filmstrip as one PNG, the finished run as JSON; written in the background, the outcome notified. */
final class ReflectExports {

    private final TaskRunner runner;
    private final Notifier notifier;

    ReflectExports(TaskRunner runner, Notifier notifier) {
        this.runner = runner;
        this.notifier = notifier;
    }

    void strip(List<Iteration> iterations, Path file) {
        List<Iteration> its = List.copyOf(iterations);
        if (its.isEmpty()) {
            notifier.error("Nothing to export", "Run reflection first.");
            return;
        }
        write(file, () -> ImageGrid.writePng(RunExport.strip(its), file));
    }

    /** The run as JSON, with the learner's prediction for it (when there was one) beside what the judge found. */
    void json(ReflectionRun run, Compute compute, org.reflectlab.core.reflect.FixPrediction prediction, Path file) {
        if (run == null) {
            notifier.error("Nothing to export", "Finish a reflection run first.");
            return;
        }
        var map = RunExport.toMap(run, compute);
        if (prediction != null) {
            var o = prediction.against(run);
            map.put("prediction", java.util.Map.of("fixedAt", prediction.text(), "judgeFirstCorrect", o.fixedAt() == 0 ? "never"
                    : Integer.toString(o.fixedAt()), "reveal", org.reflectlab.core.reflect.FixPrediction.reveal(o)));
        }
        write(file, () -> RunExport.writeJson(map, file));
    }

    private interface Write {
        void run() throws Exception;
    }

    private void write(Path file, Write write) {
        runner.submit(BackgroundTask.of("Exporting " + file.getFileName(), ctx -> {
            write.run();
            return file;
        }).onSuccess(p -> notifier.info("Saved " + p)).onFailure(e -> notifier.error("Export failed",
                "Could not write " + file + ": " + e.getMessage())));
    }
}
