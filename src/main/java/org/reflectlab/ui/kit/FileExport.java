package org.reflectlab.ui.kit;

import java.io.IOException;
import java.nio.file.Path;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.TaskRunner;

/**
 * Every workspace's export path, written once: the file is written on a worker (never the UI thread),
 * then the user is told where it went or why it was not written.
 */
public final class FileExport {

    /** Writes the file (on a worker). */
    @FunctionalInterface
    public interface Write {
        void write() throws Exception;
    }

    /** Writes and returns what to tell the user on success, e.g. "Wrote 120 rows to ...". */
    @FunctionalInterface
    public interface Report {
        String write() throws Exception;
    }

    private final TaskRunner runner;
    private final Notifier notifier;

    public FileExport(TaskRunner runner, Notifier notifier) {
        this.runner = runner;
        this.notifier = notifier;
    }

    /** Writes {@code file} as the task "Exporting NAME"; success says "Saved FILE" (in the current language). */
    public void write(Path file, Write write) {
        write(file, write, () -> { });
    }

    /** As above; {@code finished} runs on the UI thread whatever the outcome. */
    public void write(Path file, Write write, Runnable finished) {
        run(I18n.tr("kit.export.task", file.getFileName().toString()), file, () -> {
            write.write();
            return I18n.tr("kit.export.saved", file.toString());
        }, finished);
    }

    /** Writes as the task {@code title}; success says what {@code report} returns. */
    public void run(String title, Path file, Report report) {
        run(title, file, report, () -> { });
    }

    /**
     * Says there is nothing to export (and returns true) when {@code source} is null, so a command
     * given nothing explains itself instead of writing an empty file.
     */
    public boolean nothing(Object source, String hint) {
        if (source == null) {
            notifier.error(I18n.tr("kit.export.nothing.title"), hint);
            return true;
        }
        return false;
    }

    private void run(String title, Path file, Report report, Runnable finished) {
        runner.submit(BackgroundTask.of(title, ctx -> report.write())
                .onSuccess(notifier::info)
                .onFailure(e -> notifier.error(I18n.tr("kit.export.failed.title"), reason(file, e)))
                .onFinished(finished));
    }

    /** The project's writers (AtomicFile) name the file and say what is left there; anything else gets the file named. */
    private static String reason(Path file, Throwable e) {
        String message = Experiment.message(e);
        return e instanceof IOException ? message : I18n.tr("kit.export.failed", file.toString(), message);
    }
}
