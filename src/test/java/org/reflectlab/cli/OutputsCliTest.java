package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.store.AtomicFile;

/** Output files: checked before any work, written atomically, and named with the reason when they fail. */
class OutputsCliTest {

    private final CliRun cli = new CliRun();

    @Test
    void aPngExportOnAFullDiskLeavesThePreviousFileAndNamesIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        assertEquals(0, cli.run("data", "--count", "4", "--out", png.toString()), cli.both());
        byte[] before = Files.readAllBytes(png);
        int rc;
        try (AutoCloseable full = AtomicFile.simulateFullDiskAfter(100)) {
            rc = cli.run("data", "--count", "8", "--seed", "2", "--out", png.toString());
        }
        assertEquals(Cli.FAILED, rc, cli.both());
        assertTrue(cli.err().contains("error: Could not write " + png + ": the disk is full"), cli.both());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(png)), "the previous grid is intact");
        assertEquals(List.of(png), list(dir));
    }

    @Test
    void worldCsvOnAFullDiskWritesNothingHalf(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        int rc;
        try (AutoCloseable full = AtomicFile.simulateFullDiskAfter(50)) {
            rc = cli.run("world", "--frames", "5", "--explicit-only", "--csv", csv.toString());
        }
        assertEquals(Cli.FAILED, rc, cli.both());
        assertTrue(cli.err().contains(csv + ": the disk is full"), cli.both());
        assertTrue(Files.notExists(csv));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void aphasiaCsvOnAFullDiskLeavesNeitherPartialNorEmptyFiles(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("a.csv");
        Path samples = dir.resolve("b.csv");
        int rc;
        try (AutoCloseable full = AtomicFile.simulateFullDiskAfter(200)) {
            rc = cli.run("aphasia", "--samples", "4", "--resamples", "100", "--csv", summary.toString(),
                    "--samples-csv", samples.toString());
        }
        assertEquals(Cli.FAILED, rc, cli.both());
        assertTrue(cli.err().contains("error: Could not write " + summary + ": the disk is full. No file was written."), cli.both());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void everyOutputPathIsCheckedBeforeTheWorkStarts(@TempDir Path dir) throws Exception {
        Path emptyModels = Files.createDirectories(dir.resolve("no-models"));
        // geneval would load models and run for a long time first; a folder as --csv is refused at once
        assertEquals(Cli.BAD_INPUT, cli.run("geneval", "--csv", dir.toString(), "--models", emptyModels.toString()), cli.both());
        assertTrue(cli.err().contains("error: --csv " + dir + ": it is a folder, not a file"), cli.both());
        // a bad --out is refused before reflect runs, so a valid --json is not lost after the work
        Path json = dir.resolve("run.json");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(Cli.BAD_INPUT, cli.run("reflect", "--prompt", "a red circle", "--out", file.resolve("x.png").toString(),
                "--json", json.toString(), "--models", emptyModels.toString()), cli.both());
        assertTrue(cli.err().contains("error: --out " + file.resolve("x.png") + ": " + file + " is a file, not a folder"), cli.both());
        assertTrue(Files.notExists(json));
        assertEquals(Cli.BAD_INPUT, cli.run("aphasia", "--samples", "4", "--samples-csv", dir.toString(),
                "--models", emptyModels.toString()), cli.both());
        assertTrue(cli.err().contains("--samples-csv " + dir + ": it is a folder"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("world", "--frames", "5", "--png", dir.toString()), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("sweep", "--json", dir.toString(), "--models", emptyModels.toString(),
                "--sweeps", dir.resolve("sweeps").toString()), cli.both());
        assertFalse(cli.err().contains("No model"), "refused before loading models: " + cli.both());
    }

    @Test
    void modelAndSweepNamesArePlainNames(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("deep/models"));
        for (String bad : new String[] {"../x", "", "a/b", "..", ".hidden"}) {
            assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--steps", "1", "--out", bad, "--models", models.toString()),
                    bad + ": " + cli.both());
        }
        assertTrue(cli.err().contains("error: --out '../x' is not a plain name"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("train", "world", "--steps", "1", "--out", "../w", "--models", models.toString()));
        assertEquals(Cli.BAD_INPUT, cli.run("sweep", "--name", "../../escape", "--sweeps", dir.resolve("deep/sweeps").toString(),
                "--models", models.toString()), cli.both());
        assertTrue(cli.err().contains("error: --name '../../escape' is not a plain name"), cli.both());
        assertEquals(List.of(dir.resolve("deep")), list(dir), "nothing was written outside the folders");
        assertEquals(List.of(models), list(dir.resolve("deep")));
        assertEquals(List.of(), list(models));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
