package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.data.Category;

/** results.csv after crashes and torn writes, and two runs of one sweep at once. */
class SweepStoreTest {

    private static final SweepSettings SETTINGS = new SweepSettings(List.of(Method.BEST_OF_N), List.of(1, 2), 1, 4, 2, 2.0, 2);

    private static SweepRow row(String id, int k) {
        return new SweepRow(id, Category.COLORS, "a red circle", Method.BEST_OF_N, k, 4, 16.0, 1, true, k, 10);
    }

    private static void appendRaw(SweepStore s, String text) throws IOException {
        Files.writeString(s.dir().resolve(SweepStore.RESULTS), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aRowCutByACrashIsCutBackOnOpenKeptAsideAndReported(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1), row("p1", 2)));
            String third = row("p2", 1).toCsv();
            appendRaw(s, third.substring(0, third.length() - 3)); // the crash: half a row, no newline
        }
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            assertEquals(1, s.notes().size(), s.notes().toString());
            assertTrue(s.notes().get(0).english().contains("an incomplete last line") && s.notes().get(0).english().contains(SweepStore.TORN),
                    s.notes().get(0).english());
            Path torn = s.dir().resolve(SweepStore.TORN);
            String third = row("p2", 1).toCsv();
            assertEquals(third.substring(0, third.length() - 3) + "\n", Files.readString(torn));
            assertTrue(Files.readString(s.dir().resolve(SweepStore.RESULTS)).endsWith("\n"));
            s.append(List.of(row("p2", 1)));
            SweepStore.Loaded loaded = s.load();
            assertEquals(List.of(row("p1", 1), row("p1", 2), row("p2", 1)), loaded.rows());
            assertEquals(List.of(), loaded.skipped());
        }
    }

    @Test
    void aOneCharacterFragmentNeverGluesOntoTheNextRow(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1)));
            appendRaw(s, "p"); // an append that failed after one byte (a full disk)
            s.append(List.of(row("p2", 1)));
            SweepStore.Loaded loaded = s.load();
            assertEquals(List.of(row("p1", 1), row("p2", 1)), loaded.rows(), "no phantom prompt 'pp2'");
            assertEquals(1, loaded.skipped().size(), "the fragment is reported, not silently dropped");
            assertTrue(loaded.skipped().get(0).startsWith("line 3: "), loaded.skipped().toString());
        }
    }

    @Test
    void unreadableLinesAreReportedWithTheirLineNumber(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1)));
            appendRaw(s, "garbage,line\n");
            s.append(List.of(row("p1", 2)));
            SweepStore.Loaded loaded = s.load();
            assertEquals(2, loaded.rows().size());
            assertEquals(List.of("line 3: expected 11 fields, found 2"), loaded.skipped());
        }
    }

    @Test
    void twoRunsOfOneSweepCannotWriteAtOnce(@TempDir Path dir) throws Exception {
        SweepStore first = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of());
        IOException e = assertThrows(IOException.class, () -> SweepStore.open(dir.resolve("s"), SETTINGS, Map.of()));
        assertTrue(e.getMessage().contains("is being run by another process or window"), e.getMessage());
        first.close();
        try (SweepStore again = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            again.append(List.of(row("p1", 1)));
            assertEquals(1, again.rows().size());
        }
    }

    @Test
    void aCorruptSweepFileIsNamed(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            Files.writeString(s.dir().resolve(SweepStore.SETTINGS), "{ \"settings\": [1, ");
        }
        IOException e = assertThrows(IOException.class, () -> SweepStore.read(dir.resolve("s")));
        assertTrue(e.getMessage().startsWith("The sweep file " + dir.resolve("s").resolve(SweepStore.SETTINGS) + " is unreadable"),
                e.getMessage());
    }

    @Test
    void resumingOnOtherModelsIsRefusedWithTheirNamesAndChangesNothing(@TempDir Path dir) throws Exception {
        Map<String, Object> models = Map.of("generator", "aaaaaaaaaaaaaaaa", "judge", "cccccccccccccccc");
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, models)) {
            s.append(List.of(row("p1", 1)));
        }
        String before = Files.readString(dir.resolve("s").resolve(SweepStore.RESULTS));
        Map<String, Object> swapped = Map.of("generator", "bbbbbbbbbbbbbbbb", "judge", "cccccccccccccccc");
        SweepStore.Conflict e = assertThrows(SweepStore.Conflict.class, () -> SweepStore.open(dir.resolve("s"), SETTINGS, swapped));
        assertTrue(e.getMessage().contains("was run on other models (generator: was aaaaaaaaaaaa, now bbbbbbbbbbbb)"), e.getMessage());
        assertTrue(!e.getMessage().contains("judge"), e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("s").resolve(SweepStore.RESULTS)));
        try (SweepStore same = SweepStore.open(dir.resolve("s"), SETTINGS, models)) {
            assertEquals(1, same.rows().size());
        }
    }

    @Test
    void rowsWhoseSweepFileIsGoneAreNeverReplaced(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1), row("p1", 2)));
        }
        Path results = dir.resolve("s").resolve(SweepStore.RESULTS);
        String before = Files.readString(results);
        Files.delete(dir.resolve("s").resolve(SweepStore.SETTINGS));
        SweepStore.Conflict e = assertThrows(SweepStore.Conflict.class, () -> SweepStore.open(dir.resolve("s"), SETTINGS, Map.of()));
        assertTrue(e.getMessage().contains("holds 2 rows in results.csv but no sweep.json") && e.getMessage().contains("nothing was changed"),
                e.getMessage());
        assertEquals(before, Files.readString(results));
    }

    @Test
    void aPromptThatRunsAgainAfterATornRowAddsOnlyTheMissingRow(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1), row("p1", 2)));
            String torn = row("p2", 2).toCsv();
            s.append(List.of(row("p2", 1)));
            appendRaw(s, torn.substring(0, torn.length() / 2));
        }
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            assertEquals(1, s.append(List.of(row("p2", 1), row("p2", 2))), "p2 at K 1 is stored already");
            assertEquals(0, s.append(List.of(row("p2", 2))), "a job that ran twice adds nothing");
        }
        List<String> lines = Files.readAllLines(dir.resolve("s").resolve(SweepStore.RESULTS));
        assertEquals(List.of(SweepRow.HEADER, row("p1", 1).toCsv(), row("p1", 2).toCsv(), row("p2", 1).toCsv(), row("p2", 2).toCsv()),
                lines, "every row once");
    }

    @Test
    void aFullDiskNamesTheFileAndKeepsTheRowsSoFar(@TempDir Path dir) throws Exception {
        try (SweepStore s = SweepStore.open(dir.resolve("s"), SETTINGS, Map.of())) {
            s.append(List.of(row("p1", 1)));
            Path results = s.dir().resolve(SweepStore.RESULTS);
            Path kept = dir.resolve("kept.csv");
            Files.move(results, kept);
            Files.createSymbolicLink(results, Path.of("/dev/full")); // every write fails with ENOSPC, as on a full disk
            IOException e = assertThrows(IOException.class, () -> s.append(List.of(row("p2", 1))));
            assertEquals("Could not add rows to " + results + ": the disk is full. The 1 rows stored before are kept; run the "
                    + "sweep again with the same name to resume.", e.getMessage());
        }
    }
}
