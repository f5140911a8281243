package org.reflectlab.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.store.ModelStore;

/** Resuming: finished stages are skipped; a changed output reruns what reads it; a failure stops the run. */
class PipelineTest {

    private final List<String> ran = new ArrayList<>();

    private Pipeline pipeline(Path dir) throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        List<Stage> stages = List.of(
                new Stage("first", List.of("make", a.toString()), List.of(), List.of(a.toString()), List.of(), 1),
                new Stage("second", List.of("make", b.toString()), List.of(), List.of(b.toString()), List.of("first"), 1));
        return new Pipeline(stages, new ModelStore(dir.resolve("models")), dir.resolve("work"), "test");
    }

    private int make(List<String> args) throws Exception {
        ran.add(args.get(1));
        Files.writeString(Path.of(args.get(1)), "made " + ran.size());
        return 0;
    }

    @Test
    void finishedStagesAreSkippedAndAChangedInputRerunsItsReaders(@TempDir Path dir) throws Exception {
        assertTrue(pipeline(dir).run(this::make, s -> { }).ok());
        assertEquals(2, ran.size());

        Pipeline again = pipeline(dir);
        Pipeline.Result r = again.run(this::make, s -> { });
        assertEquals(0, r.ran());
        assertEquals(2, r.skipped());

        Files.writeString(dir.resolve("a.txt"), "edited by hand");
        Pipeline.Result after = pipeline(dir).run(this::make, s -> { });
        assertEquals(2, after.ran(), "the edited output reran its own stage and the stage reading it");
    }

    @Test
    void aFailingStageStopsTheRunAndIsRunAgainNextTime(@TempDir Path dir) throws Exception {
        Pipeline.Result r = pipeline(dir).run(args -> args.get(1).endsWith("b.txt") ? 1 : make(args), s -> { });
        assertFalse(r.ok());
        assertEquals("second", r.failedStage());
        Pipeline.Result next = pipeline(dir).run(this::make, s -> { });
        assertTrue(next.ok());
        assertEquals(1, next.skipped());
        assertEquals(1, next.ran());
    }
}
