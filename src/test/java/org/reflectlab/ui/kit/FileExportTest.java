package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.AtomicFile;

class FileExportTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final FileExport export = new FileExport(runner, notifier);

    @Test
    void aWrittenFileIsNamedInTheTaskAndTheNotice(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        boolean[] finished = {false};
        export.write(file, () -> AtomicFile.writeText(file, w -> w.write("hello")), () -> finished[0] = true);
        assertEquals("hello", Files.readString(file));
        assertEquals(List.of("Exporting out.txt"), runner.submittedTitles());
        assertEquals(List.of("Saved " + file), notifier.infos);
        assertTrue(finished[0]);
    }

    @Test
    void aReportSaysWhatWasWritten(@TempDir Path dir) {
        export.run("Export rows", dir.resolve("rows.csv"), () -> "Wrote 3 rows");
        assertEquals(List.of("Wrote 3 rows"), notifier.infos);
    }

    @Test
    void aWriterFailureIsSaidOnceWithTheFileAndWhatIsLeftThere(@TempDir Path dir) {
        Path folder = dir.resolve("a-folder");
        boolean[] finished = {false};
        export.write(folder, () -> {
            Files.createDirectories(folder);
            AtomicFile.writeText(folder, w -> w.write("x"));
        }, () -> finished[0] = true);
        assertTrue(notifier.infos.isEmpty());
        assertEquals(1, notifier.errors.size());
        String error = notifier.errors.get(0);
        assertTrue(error.startsWith("Export failed: Could not write " + folder), error);
        assertEquals(error.indexOf("Could not write"), error.lastIndexOf("Could not write"), "the file is named once: " + error);
        assertTrue(finished[0], "the finished hook runs on failure too");
    }

    @Test
    void anyOtherFailureNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("strip.png");
        export.write(file, () -> {
            throw new IllegalStateException("no iterations");
        });
        assertEquals(List.of("Export failed: Could not write " + file + ": no iterations"), notifier.errors);
        assertFalse(Files.exists(file));
    }

    @Test
    void nothingToExportIsSaidAndNothingRuns() {
        assertTrue(export.nothing(null, "Run it first."));
        assertFalse(export.nothing("a result", "Run it first."));
        assertEquals(List.of("Nothing to export: Run it first."), notifier.errors);
        assertTrue(runner.submittedTitles().isEmpty());
    }
}
