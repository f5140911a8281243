package org.reflectlab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void aFullDiskLeavesThePreviousFileAndNoTempFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rows.csv");
        AtomicFile.writeLines(f, List.of("a,b", "1,2"));
        IOException e;
        try (AutoCloseable full = AtomicFile.simulateFullDiskAfter(5)) {
            e = assertThrows(IOException.class, () -> AtomicFile.writeLines(f, List.of("a,b", "3,4", "5,6")));
        }
        assertEquals("Could not write " + f + ": the disk is full. The file there is unchanged.", e.getMessage());
        assertEquals(List.of("a,b", "1,2"), Files.readAllLines(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no temp file is left behind");
        }
    }

    @Test
    void writtenFilesGetTheModeTheUmaskGivesNewFilesNot0600(@TempDir Path dir) throws Exception {
        Path reference = Files.createFile(dir.resolve("plain.txt")); // as any program would create it
        Path f = dir.resolve("rows.csv");
        AtomicFile.writeLines(f, List.of("a,b"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(f));
        ModelStore store = new ModelStore(dir.resolve("models"));
        Manifest m = store.save("m", List.of(new ModelStore.NewFile("weights", "weights", "bin", p -> Files.writeString(p, "w"))),
                new ModelDescription("k", "c", 1L, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(store.dir("m").resolve(ModelStore.MANIFEST)));
        assertEquals(Files.getPosixFilePermissions(reference),
                Files.getPosixFilePermissions(store.dir("m").resolve(m.fileFor("weights").orElseThrow())));
    }

    @Test
    void aFailedFirstWriteLeavesNoFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub").resolve("fits.json");
        try (AutoCloseable full = AtomicFile.simulateFullDiskAfter(0)) {
            IOException e = assertThrows(IOException.class, () -> AtomicFile.writeJson(f, java.util.Map.of("a", 1)));
            assertTrue(e.getMessage().endsWith("the disk is full. No file was written."), e.getMessage());
        }
        assertTrue(Files.notExists(f));
    }

    @Test
    void unusablePathsAreNamedBeforeAnyWork(@TempDir Path dir) throws Exception {
        assertEquals("it is a folder, not a file", AtomicFile.problem(dir));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(file + " is a file, not a folder", AtomicFile.problem(file.resolve("out.csv")));
        assertEquals("no file name was given", AtomicFile.problem(Path.of("")));
        assertNull(AtomicFile.problem(dir.resolve("new/deeper/out.csv")), "missing folders are created");
        assertNull(AtomicFile.problem(file), "an existing file is replaced");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeLines(dir, List.of("x")));
        assertEquals("Could not write " + dir + ": it is a folder, not a file.", e.getMessage());
    }
}
