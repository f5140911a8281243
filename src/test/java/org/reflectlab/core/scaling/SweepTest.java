package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;

class SweepTest {

    private static UnifiedModel unified;
    private static Generator generator;
    private static final SweepSettings SETTINGS = new SweepSettings(List.of(Method.BEST_OF_N, Method.REFLECT, Method.TEST_TIME_TRAINING), List.of(1, 2, 3), 1, 4, 2, 2.0, 2);

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    private static Sweep sweep() {
        // the critic accepts every third image, the judge every other: both are only readers here
        return new Sweep(TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2),
                TinyModels.wrongFirst(1)));
    }

    private static List<PromptSet.Prompt> prompts() {
        return PromptSet.generate(3, 1).prompts().subList(0, 3);
    }

    private static List<String> sorted(List<SweepRow> rows) {
        List<String> out = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing(SweepRow::promptId).thenComparing(r -> r.method().id()).thenComparing(SweepRow::k))
                .forEach(r -> out.add(r.promptId() + r.method().id() + r.k() + ":" + r.nfe() + "/" + r.images()));
        return out;
    }

    @Test
    void aCancelledSweepResumesToTheSameRows(@TempDir Path dir) throws IOException {
        SweepStore whole = SweepStore.open(dir.resolve("whole"), SETTINGS, Map.of());
        int rows = sweep().run(whole, prompts(), (a, b, m) -> { }, () -> false);
        assertEquals(3 * 3 * 3, rows);

        // how many images the critic reads for the first prompt alone
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        SweepStore firstOnly = SweepStore.open(dir.resolve("first"), SETTINGS, Map.of());
        new Sweep(TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2, reads), TinyModels.wrongFirst(1)))
                .run(firstOnly, prompts().subList(0, 1), (a, b, m) -> { }, () -> false);
        int firstPrompt = reads.get();

        // cancel as the critic reads the second prompt's first image: the first prompt is stored, the second stops mid-method
        SweepStore parts = SweepStore.open(dir.resolve("parts"), SETTINGS, Map.of());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        int first = new Sweep(TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2, calls), TinyModels.wrongFirst(1)))
                .run(parts, prompts(), (done, total, m) -> { }, () -> calls.get() > firstPrompt);
        assertEquals(9, first, "the first prompt's rows, nothing of the cut one");
        assertTrue(first > 0 && first < 27, "cancel mid-way wrote " + first);
        // a crash mid-write leaves half a line; it is skipped and its prompt redone
        Files.writeString(parts.dir().resolve(SweepStore.RESULTS), "p9,colors,\"a red", StandardOpenOption.APPEND);
        Files.writeString(parts.dir().resolve(SweepStore.RESULTS), "\n", StandardOpenOption.APPEND);
        parts.close();
        SweepStore reopened = SweepStore.open(dir.resolve("parts"), SETTINGS, Map.of());
        int second = sweep().run(reopened, prompts(), (a, b, m) -> { }, () -> false);
        assertEquals(27, first + second);
        assertEquals(sorted(whole.rows()), sorted(reopened.rows()));
    }

    @Test
    void twoWorkersStoreTheSameRowsAsOne(@TempDir Path dir) throws IOException {
        // stateless readers, so what each sees does not depend on which thread asked first
        java.util.function.Supplier<Reflector> reflector = () -> TinyModels.reflector(unified, generator,
                TinyModels.wrongFirst(0), TinyModels.wrongFirst(0));
        SweepStore one = SweepStore.open(dir.resolve("one"), SETTINGS, Map.of());
        new Sweep(reflector.get()).run(one, prompts(), (a, b, m) -> { }, () -> false);
        UnifiedModel unified2 = TinyModels.unified();
        Generator generator2 = TinyModels.generator(unified2);
        Reflector second = TinyModels.reflector(unified2, generator2, TinyModels.wrongFirst(0),
                TinyModels.wrongFirst(0));
        SweepStore two = SweepStore.open(dir.resolve("two"), SETTINGS, Map.of());
        long[] last = new long[2];
        int rows = new Sweep(List.of(reflector.get(), second)).run(two, prompts(), (done, total, m) -> {
            last[0] = done;
            last[1] = total;
        }, () -> false);
        assertEquals(27, rows);
        assertEquals(last[1], last[0]);
        assertEquals(sorted(one.rows()), sorted(two.rows()));
    }

    @Test
    void everyAnswerStaysWithinItsBudget(@TempDir Path dir) throws IOException {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2),
                TinyModels.wrongFirst(1));
        SweepStore store = SweepStore.open(dir.resolve("b"), SETTINGS, Map.of());
        new Sweep(r).run(store, prompts(), (a, b, m) -> { }, () -> false);
        double sample = new TestTimeTraining(r).sampleNfe(SETTINGS.samplingSteps(), SETTINGS.guidance());
        for (SweepRow row : store.rows()) {
            double budget = row.k() * sample;
            if (row.method() == Method.BEST_OF_N) {
                assertEquals(budget, row.nfe(), 1e-2, "best-of-N spends exactly K samples");
            } else if (row.method() == Method.REFLECT) {
                // reflection also encodes each image it puts in context (k - 1 of them at most)
                assertTrue(row.nfe() <= budget + (row.k() - 1) * r.compute().encode() + 1e-2, row.toString());
            } else {
                assertTrue(row.nfe() <= budget + 1e-2, row.toString());
            }
        }
    }

    @Test
    void reflectionsCriticPickReadsTheSameRunAsItsLastImage(@TempDir Path dir) throws IOException {
        // The critic accepts nothing, so there is no early stop and the pick is the first iteration
        // (fewest complaints, first on a tie) while the last image is iteration K.
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(1000), TinyModels.wrongFirst(1));
        SweepSettings s = new SweepSettings(List.of(Method.REFLECT, Method.REFLECT_PICK), List.of(1, 3), 1, 4, 2, 2.0, 2);
        SweepStore store = SweepStore.open(dir.resolve("p"), s, Map.of());
        new Sweep(r).run(store, prompts().subList(0, 2), (a, b, m) -> { }, () -> false);
        Map<String, SweepRow> byKey = new java.util.HashMap<>();
        store.rows().forEach(row -> byKey.put(row.promptId() + "/" + row.method() + "/" + row.k(), row));
        for (SweepRow row : store.rows()) {
            SweepRow twin = byKey.get(row.promptId() + "/" + (row.method() == Method.REFLECT ? Method.REFLECT_PICK : Method.REFLECT)
                    + "/" + row.k());
            assertEquals(row.nfe(), twin.nfe(), 1e-9, "one run, two answer rules: the same compute");
        }
        assertEquals(8, store.rows().size());
    }

    @Test
    void reportsProgressUpToTheTotal(@TempDir Path dir) throws IOException {
        SweepStore store = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of());
        long[] last = new long[2];
        sweep().run(store, prompts().subList(0, 1), (done, total, m) -> {
            last[0] = done;
            last[1] = total;
        }, () -> false);
        assertEquals(last[1], last[0]);
        assertEquals(3 + 3 + (1 + 2 + 3), last[1]);
    }

    @Test
    void otherSettingsInTheSameFolderAreRefused(@TempDir Path dir) throws IOException {
        SweepStore.open(dir.resolve("s"), SETTINGS, Map.of());
        SweepSettings other = new SweepSettings(List.of(Method.BEST_OF_N), List.of(1, 2), 1, 4, 2, 2.0, 2);
        IOException e = assertThrows(IOException.class, () -> SweepStore.open(dir.resolve("s"), other, Map.of()));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void rowsSurviveTheCsvRoundTrip() {
        SweepRow r = new SweepRow("p1", org.reflectlab.core.data.Category.POSITION, "a \"red\" circle, left", Method.REFLECT,
                4, -7, 12.5, 1, true, 3, 250);
        assertEquals(r, SweepRow.parse(r.toCsv()));
        assertThrows(IllegalArgumentException.class, () -> SweepRow.parse("p1,position,x,reflect,4"));
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> SweepSettings.parseKs("1,two"));
        assertThrows(IllegalArgumentException.class, () -> new SweepSettings(List.of(Method.REFLECT), List.of(0, 4), 1, 1, 8, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new SweepSettings(List.of(Method.REFLECT), List.of(1, 40), 1, 1, 8, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Method.parseList("bon,dalle"));
    }
}
