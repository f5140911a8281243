package org.reflectlab.ui.aphasia;

import java.nio.file.Path;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.aphasia.AphasiaExport;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.ui.kit.FileExport;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/** The shown round-trip result's exports, each written in the background; with no result, a message instead. */
public final class AphasiaExports {

    private final FileExport files;
    private final ObservableValue<AphasiaResult> result;

    AphasiaExports(TaskRunner runner, Notifier notifier, ObservableValue<AphasiaResult> result) {
        this.files = new FileExport(runner, notifier);
        this.result = result;
    }

    public void csv(Path file) {
        export(file, r -> AphasiaExport.writeSummaryCsv(r, file));
    }

    public void samplesCsv(Path file) {
        export(file, r -> AphasiaExport.writeSamplesCsv(r, file));
    }

    /** The view captures the charts (on the UI thread); the file is written in the background. */
    public void png(RgbImage image, Path file) {
        export(file, r -> ImageGrid.writePng(image, file));
    }

    private interface Export {
        void write(AphasiaResult r) throws Exception;
    }

    private void export(Path file, Export export) {
        AphasiaResult r = result.getValue();
        if (!files.nothing(r, I18n.tr("aphasia.export.nothing"))) {
            files.write(file, () -> export.write(r));
        }
    }
}
