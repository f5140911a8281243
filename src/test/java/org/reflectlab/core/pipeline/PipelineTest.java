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

    @Test
    void aStageStoppedMidwayResumesItsCheckpointAndDropsItWhenDone(@TempDir Path dir) throws Exception {
        Path done = dir.resolve("done.txt");
        Stage train = new Stage("train", List.of("train", "unified", "--steps", "9", "--checkpoint-every", "3", "--out", "m"),
                List.of(), List.of(done.toString()), List.of(), 1);
        ModelStore store = new ModelStore(dir.resolve("models"));
        Path checkpoint = store.dir("m-checkpoint");
        Pipeline.Result stopped = new Pipeline(List.of(train), store, dir.resolve("work"), "test").run(args -> {
            Files.createDirectories(checkpoint);
            Files.writeString(checkpoint.resolve("manifest.json"), "{}");
            return 130; // stopped after saving a checkpoint
        }, s -> { });
        assertFalse(stopped.ok());

        List<List<String>> calls = new ArrayList<>();
        Pipeline.Result resumed = new Pipeline(List.of(train), store, dir.resolve("work"), "test").run(args -> {
            calls.add(args);
            Files.writeString(done, "done");
            return 0;
        }, s -> { });
        assertTrue(resumed.ok());
        assertEquals(List.of("train", "unified", "--resume", "m-checkpoint", "--out", "m", "--checkpoint-every", "3"),
                calls.get(0).subList(0, 8));
        assertFalse(Files.exists(checkpoint), "the finished stage's checkpoint is removed");

        // changed arguments start afresh, whatever checkpoint lies around
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("manifest.json"), "{}");
        Stage changed = new Stage("train", List.of("train", "unified", "--steps", "12", "--checkpoint-every", "3", "--out", "m"),
                List.of(), List.of(done.toString()), List.of(), 1);
        calls.clear();
        new Pipeline(List.of(changed), store, dir.resolve("work"), "test").run(args -> {
            calls.add(args);
            return 0;
        }, s -> { });
        assertFalse(calls.get(0).contains("--resume"));
    }

    private static void save(ModelStore store, String name, String weights) throws Exception {
        store.save(name, List.of(new ModelStore.NewFile("weights", "weights", "bin", p -> Files.writeString(p, weights))),
                new org.reflectlab.core.store.ModelDescription("test", "by hand", 1L, java.util.Map.of(), java.util.Map.of(),
                        java.util.Map.of(), java.util.Map.of()));
    }

    /** base -> reader of base; base refined in place -> reader of the refinement. */
    private static List<Stage> refinedChain() {
        return List.of(
                new Stage("base", List.of("make", "base"), List.of("base"), List.of(), List.of(), 1),
                new Stage("early", List.of("make", "early"), List.of("early"), List.of(), List.of("base"), 1),
                Stage.refining("refine", "base", List.of("make", "base", "refined"), List.of("base"), List.of("base", "early"), 1),
                new Stage("late", List.of("make", "late"), List.of("late"), List.of(), List.of("refine"), 1));
    }

    @Test
    void aStageThatRefinesAModelInPlaceLeavesItsUpstreamUpToDateAndRerunsWhenItChanges(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Pipeline.Runner runner = args -> {
            ran.add(String.join(" ", args.subList(0, args.indexOf("--models"))));
            // every run writes new bytes (a stage that reproduced its model exactly would leave its readers up to date)
            save(store, args.get(1), String.join(" ", args.subList(0, args.indexOf("--models"))) + " " + runs.incrementAndGet());
            return 0;
        };
        assertTrue(new Pipeline(refinedChain(), store, dir.resolve("work"), "test").run(runner, s -> { }).ok());
        assertEquals(List.of("make base", "make early", "make base refined", "make late"), ran);

        Pipeline.Result again = new Pipeline(refinedChain(), store, dir.resolve("work"), "test").run(runner, s -> { });
        assertEquals(0, again.ran(), "the refined model does not make its own maker, or the stage that read it first, stale");
        assertEquals(4, again.skipped());

        // a refinement with other arguments cannot refine what is on disk (it is refined already): all of it again
        List<Stage> changed = new ArrayList<>(refinedChain());
        changed.set(2, Stage.refining("refine", "base", List.of("make", "base", "refined", "more"), List.of("base"),
                List.of("base", "early"), 1));
        ran.clear();
        new Pipeline(changed, store, dir.resolve("work"), "test").run(runner, s -> { });
        assertEquals(List.of("make base", "make early", "make base refined more", "make late"), ran);

        save(store, "base", "edited by hand");
        ran.clear();
        new Pipeline(changed, store, dir.resolve("work"), "test").run(runner, s -> { });
        assertEquals(List.of("make base", "make early", "make base refined more", "make late"), ran,
                "a model changed by hand is neither what its stage wrote nor what the refinement wrote: all of it again");
    }

    @Test
    void aFolderFilledByThePipelineElsewhereIsAdoptedStageByStage(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        List<Stage> chain = refinedChain();
        save(store, "base", "shipped");
        save(store, "early", "shipped");
        save(store, "late", "shipped");
        // the shipped base is the refined one: its own stage's output is gone, the refinement stands for it
        store.recordMaker("base", "reflectlab pipeline (stage refine: reflectlab make base refined)");
        store.recordMaker("early", "reflectlab pipeline --lanes 2 (stage early: reflectlab make early)");
        store.recordMaker("late", "reflectlab train late by hand"); // not made by this stage: not adopted

        Pipeline p = new Pipeline(chain, store, dir.resolve("work"), "test");
        assertEquals(List.of("base", "early", "refine"), p.adopt());
        assertTrue(p.upToDate(chain.get(0)) && p.upToDate(chain.get(1)) && p.upToDate(chain.get(2)));
        assertFalse(p.upToDate(chain.get(3)));
        Pipeline.Result r = new Pipeline(chain, store, dir.resolve("work"), "test").run(args -> {
            ran.add(String.join(" ", args.subList(0, args.indexOf("--models"))));
            save(store, args.get(1), "made");
            return 0;
        }, s -> { });
        assertTrue(r.ok());
        assertEquals(List.of("make late"), ran, "only what was not adopted ran");
    }

    @Test
    void aModelWhoseInputWasTrainedHereIsNotAdopted(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        Stage a = new Stage("a", List.of("make", "a"), List.of("a"), List.of(), List.of(), 1);
        Stage b = new Stage("b", List.of("make", "b"), List.of("b"), List.of(), List.of("a"), 1);
        save(store, "b", "shipped beside another a");
        store.recordMaker("b", "reflectlab pipeline (stage b: reflectlab make b)");
        Pipeline.Runner runner = args -> {
            ran.add(String.join(" ", args.subList(0, args.indexOf("--models"))));
            save(store, args.get(1), "made " + ran.size());
            return 0;
        };
        assertTrue(new Pipeline(List.of(a), store, dir.resolve("work"), "test").run(runner, s -> { }).ok());
        Pipeline p = new Pipeline(List.of(a, b), store, dir.resolve("work"), "test");
        assertEquals(List.of(), p.adopt(), "b was made from another a than the one trained here");
        assertTrue(p.run(runner, s -> { }).ok());
        assertEquals(List.of("make a", "make b"), ran);
    }

    @Test
    void independentStagesShareTheLanesAndAReaderWaitsForBoth(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Path c = dir.resolve("c.txt");
        List<Stage> stages = List.of(
                new Stage("a", List.of("make", a.toString()), List.of(), List.of(a.toString()), List.of(), 1),
                new Stage("b", List.of("make", b.toString()), List.of(), List.of(b.toString()), List.of(), 1),
                new Stage("c", List.of("make", c.toString()), List.of(), List.of(c.toString()), List.of("a", "b"), 1));
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Pipeline.Result r = new Pipeline(stages, new ModelStore(dir.resolve("models")), dir.resolve("work"), "test").run(args -> {
            if (!args.get(1).endsWith("c.txt")) {
                both.countDown();
                // a and b run at once: each waits here for the other to have started
                assertTrue(both.await(20, java.util.concurrent.TimeUnit.SECONDS), "the two independent stages did not overlap");
            }
            order.add(Path.of(args.get(1)).getFileName().toString());
            Files.writeString(Path.of(args.get(1)), "made");
            return 0;
        }, s -> { }, 2);
        assertTrue(r.ok());
        assertEquals(3, r.ran());
        assertEquals("c.txt", order.get(2), "the reader ran after both stages it needs");
    }
}
