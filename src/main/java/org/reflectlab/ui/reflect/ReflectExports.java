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

    void json(ReflectionRun run, Compute compute, Path file) {
        if (!export.nothing(run, "Finish a reflection run first.")) {
            var map = RunExport.toMap(run, compute);
            export.write(file, () -> RunExport.writeJson(map, file));
        }
    }
}
