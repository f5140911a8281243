package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;

class SweepSessionTest {

    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    /** Prompts the stand-in critic below always finds satisfied. */
    private static List<PromptSet.Prompt> prompts(int n) {
        List<PromptSet.Prompt> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new PromptSet.Prompt("red-" + i, Category.SINGLE_OBJECT, CaptionParser.parse("a red circle").caption()));
        }
        return out;
    }

    /** A critic that sees a red circle in every image: reflection stops after its first iteration. */
    private static Reflector acceptingCritic() {
        return TinyModels.reflector(unified, generator, TinyModels.wrongFirst(0), TinyModels.wrongFirst(1));
    }

    @Test
    void progressCountsWhatRunsAndSaysWhatEarlyStopSaved(@TempDir Path dir) throws IOException {
        SweepSettings s = new SweepSettings(List.of(Method.BEST_OF_N, Method.REFLECT, Method.REFLECT_PICK), List.of(1, 2, 3), 1, 4, 2,
                2.0, 2);
        List<SweepSession.Progress> seen = new ArrayList<>();
        List<SweepSession.Progress> periodic = new ArrayList<>();
        try (SweepStore store = SweepStore.open(dir.resolve("s"), s, Map.of())) {
            SweepSession.Outcome o = new SweepSession(new Sweep(acceptingCritic()), Duration.ofHours(1), false).run(store, prompts(2),
                    new SweepSession.Observer() {
                        @Override
                        public void progress(SweepSession.Progress p) {
                            seen.add(p);
                        }

                        @Override
                        public void periodic(SweepSession.Progress p) {
                            periodic.add(p);
                        }
                    }, () -> false);
            // per prompt at most 3 (best-of-3) + 3 (one reflection run read by both answer rules), not 3 + 3 + 3
            assertEquals(2 * 6, seen.get(0).imagesAtMost(), "the bound counts the shared reflection run once");
            // the critic accepts the first image: reflection draws 1 of its 3
            assertEquals(2 * 4, o.imagesDrawn());
            assertEquals(2 * 2, o.savedByEarlyStop());
            SweepSession.Progress last = seen.get(seen.size() - 1);
            assertEquals(last.imagesAtMost(), last.imagesDone(), "the bar ends full, at what really ran");
            assertEquals(1.0, last.fraction());
            assertTrue(last.summary().english().contains("of at most 8 images") && last.summary().english().contains("early stop saved 4"),
                    last.summary().english());
            assertEquals(2 * 3 * 3, o.loaded().rows().size());
            assertTrue(o.summary().english().startsWith("18 answers (8 images drawn; early stop saved 4)"), o.summary().english());
            assertEquals(1, periodic.size(), "reported at the first image, then once an hour");
            assertFalse(o.stopped());
        }
    }

    @Test
    void aRowsFileThatCannotBeReadMidSweepIsReportedNotSwallowed(@TempDir Path dir) throws IOException {
        SweepSettings s = new SweepSettings(List.of(Method.BEST_OF_N), List.of(1, 2), 1, 4, 2, 2.0, 2);
        List<IOException> problems = new ArrayList<>();
        List<SweepStore.Loaded> snapshots = new ArrayList<>();
        try (SweepStore store = SweepStore.open(dir.resolve("s"), s, Map.of())) {
            Path results = store.dir().resolve(SweepStore.RESULTS);
            new SweepSession(new Sweep(acceptingCritic()), Duration.ZERO, true).run(store, prompts(2), new SweepSession.Observer() {
                @Override
                public void rowsSoFar(SweepStore.Loaded rows) {
                    snapshots.add(rows);
                    try {
                        // bytes that are not UTF-8: appending still works, reading the file does not
                        Files.write(results, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void rowsUnreadable(IOException e) {
                    problems.add(e);
                }
            }, () -> false);
            org.junit.jupiter.api.Assertions.fail("the final read must fail too");
        } catch (IOException expected) {
            // the final read fails too: the sweep's caller hears it
        }
        assertEquals(1, snapshots.size(), "the first read saw the rows");
        assertEquals(1, problems.size(), "the second read's failure reached the observer");
    }

    @Test
    void workersLoadTheirCopiesOnceAndSayWhichTheyLoad() throws Exception {
        List<String> messages = new ArrayList<>();
        int[] loads = {0};
        SweepWorkers w = new SweepWorkers(() -> {
            loads[0]++;
            return acceptingCritic();
        });
        Reflector first = w.first();
        assertEquals(first, w.take(2, messages::add).get(0), "the first copy is reused");
        w.take(2, messages::add);
        assertEquals(2, loads[0]);
        assertEquals(List.of("loading a copy of the models for worker 2 of 2"), messages);
    }
}
