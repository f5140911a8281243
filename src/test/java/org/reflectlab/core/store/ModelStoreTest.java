package org.reflectlab.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path root;

    private static final ModelDescription DESCRIPTION = new ModelDescription("test-model",
            "reflectlab train test --seed 3", 3L, Map.of("seed", 3), Map.of("width", 8),
            Map.of("parameters", 42), Map.of("accuracy", 0.97));

    private static List<ModelStore.NewFile> weights(String content) {
        return List.of(new ModelStore.NewFile("weights", "weights", "bin",
                p -> Files.writeString(p, content, StandardCharsets.UTF_8)));
    }

    private static String read(ModelStore store, String name) throws ModelStoreException {
        return store.load(name, "weights", p -> Files.readString(p, StandardCharsets.UTF_8));
    }

    private Path weightsFile(ModelStore store, String name) throws ModelStoreException {
        return store.dir(name).resolve(store.verify(name).fileFor("weights").orElseThrow());
    }

    @Test
    void savedModelLoadsWithItsManifest() throws Exception {
        ModelStore store = new ModelStore(root);
        Manifest m = store.save("m", weights("hello weights"), DESCRIPTION);
        assertEquals("hello weights", read(store, "m"));
        Manifest again = store.verify("m");
        assertEquals(m.files(), again.files());
        assertEquals("reflectlab train test --seed 3", again.command());
        assertEquals(0.97, again.metric("accuracy").orElseThrow().doubleValue());
        FileEntry e = again.files().values().iterator().next();
        assertEquals(13, e.bytes());
        assertEquals(ModelStore.sha256(weightsFile(store, "m")), e.sha256());
    }

    @Test
    void missingModelIsReportedClearly() {
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> new ModelStore(root).verify("nope"));
        assertEquals(ModelStoreException.Reason.MISSING_MODEL, e.reason());
        assertTrue(e.getMessage().contains("No model 'nope'"), e.getMessage());
    }

    @Test
    void missingFileIsReportedClearly() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("abc"), DESCRIPTION);
        Files.delete(weightsFile(store, "m"));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> read(store, "m"));
        assertEquals(ModelStoreException.Reason.MISSING_FILE, e.reason());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void truncatedFileIsRejected() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("0123456789"), DESCRIPTION);
        Path f = weightsFile(store, "m");
        Files.write(f, "01234".getBytes(StandardCharsets.UTF_8));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> read(store, "m"));
        assertEquals(ModelStoreException.Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("truncated: 5 of 10 bytes"), e.getMessage());
    }

    @Test
    void flippedByteIsRejected() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("0123456789"), DESCRIPTION);
        Path f = weightsFile(store, "m");
        byte[] b = Files.readAllBytes(f);
        b[4] ^= 0x01;
        Files.write(f, b);
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> read(store, "m"));
        assertEquals(ModelStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("SHA-256 does not match"), e.getMessage());
    }

    @Test
    void corruptManifestIsRejected() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("abc"), DESCRIPTION);
        Files.writeString(store.dir("m").resolve(ModelStore.MANIFEST), "{\"files\": {");
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertEquals(ModelStoreException.Reason.BAD_MANIFEST, e.reason());
    }

    @Test
    void manifestCannotPointOutsideItsFolder() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("abc"), DESCRIPTION);
        Path manifest = store.dir("m").resolve(ModelStore.MANIFEST);
        String json = Files.readString(manifest).replaceAll("\"weights-[0-9a-f]{12}\\.bin\"", "\"../../etc/passwd\"");
        Files.writeString(manifest, json);
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
    }

    @Test
    void aWeightsFileThatLinksOutOfItsFolderIsRefused() throws Exception {
        ModelStore store = new ModelStore(root.resolve("models"));
        store.save("m", weights("abc"), DESCRIPTION);
        Path file = weightsFile(store, "m");
        Path outside = Files.writeString(root.resolve("elsewhere.bin"), "abc");
        Files.delete(file);
        Files.createSymbolicLink(file, outside); // same bytes, same checksum: only the link gives it away
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertEquals(ModelStoreException.Reason.BAD_MANIFEST, e.reason());
        assertTrue(e.getMessage().contains("is a link to " + outside.toRealPath() + ", outside its model's folder"), e.getMessage());
    }

    @Test
    void anUnknownFormatAndAManifestNamingAnotherModelAreRefused() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("abc"), DESCRIPTION);
        store.save("judge", weights("judge weights"), DESCRIPTION);
        Path manifest = store.dir("m").resolve(ModelStore.MANIFEST);
        String saved = Files.readString(manifest);
        Files.writeString(manifest, saved.replace("\"format\" : 1", "\"format\" : 99"));
        ModelStoreException format = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertTrue(format.getMessage().startsWith("Model 'm': its manifest has format 99, but this version of ReflectLab reads "
                + "format 1 only"), format.getMessage());

        Files.writeString(manifest, saved.replace("\"name\" : \"m\"", "\"name\" : \"judge\""));
        ModelStoreException other = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertTrue(other.getMessage().startsWith("Model 'm': its manifest says it is 'judge', another model in "), other.getMessage());
        assertEquals(List.of("judge", "m"), store.list().stream().map(Manifest::name).toList(), "listed by folder");
        assertTrue(store.seal("m"), "--seal adopts the folder's name");
        assertEquals("m", store.verify("m").name());

        Files.writeString(manifest, saved.replace("\"name\" : \"m\"", "\"name\" : \"m-renamed\""));
        assertEquals("m-renamed", store.verify("m").name(), "a name no other model has (a folder renamed) still loads");
        assertEquals(List.of("judge", "m"), store.list().stream().map(Manifest::name).toList());
    }

    @Test
    void tempFilesAndEmptyFoldersLeftByAKilledSaveAreRemovedAndReported() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("abc"), DESCRIPTION);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(Files.writeString(store.dir("m").resolve(".weights-123.tmp"), "half"), old);
        Path fresh = Files.writeString(store.dir("m").resolve(".weights-456.tmp"), "a save in progress elsewhere");
        Files.setLastModifiedTime(Files.writeString(Files.createDirectories(store.dir("killed")).resolve(".weights-9.tmp"), "x"), old);
        try (ModelOutput starting = ModelOutput.reserve(store, "next", 1)) {
            assertEquals(List.of("removed 1 temp file(s) in " + store.dir("m") + ", left by an interrupted save",
                    "removed the empty model folder " + store.dir("killed") + " and 1 temp file(s) in it, left by an interrupted save"),
                    starting.cleaned().stream().sorted().toList(), "a training run cleans up as it starts");
        }
        assertTrue(Files.exists(fresh), "a recent temp file may belong to a save in progress");
        assertEquals("abc", read(store, "m"));
        try (ModelOutput running = ModelOutput.reserve(store, "held", 1)) {
            Files.createDirectories(store.dir("held"));
            assertEquals(List.of(), store.removeLeftovers());
            assertTrue(Files.isDirectory(store.dir("held")), "a folder whose name a running training holds is left alone");
        }
    }

    @Test
    void crashBeforeTheManifestRenameLeavesThePreviousModelIntact() throws Exception {
        new ModelStore(root).save("m", weights("version one"), DESCRIPTION);
        ModelStore crashing = new ModelStore(root, () -> {
            throw new IllegalStateException("simulated crash before rename");
        });
        assertThrows(ModelStoreException.class, () -> crashing.save("m", weights("version two"), DESCRIPTION));
        ModelStore store = new ModelStore(root);
        assertEquals("version one", read(store, "m"));
        try (var files = Files.list(store.dir("m"))) {
            assertEquals(2, files.count(), "only the manifest and version one's weights remain");
        }
    }

    @Test
    void failingWriterLeavesThePreviousModelAndNoTempFiles() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("version one"), DESCRIPTION);
        List<ModelStore.NewFile> failing = List.of(new ModelStore.NewFile("weights", "weights", "bin", p -> {
            Files.writeString(p, "half");
            throw new IOException("No space left on device");
        }));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> store.save("m", failing, DESCRIPTION));
        assertEquals(ModelStoreException.Reason.DISK_FULL, e.reason());
        assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
        assertEquals("version one", read(store, "m"));
        try (var files = Files.list(store.dir("m"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void resavingReplacesTheOldFiles() throws Exception {
        ModelStore store = new ModelStore(root);
        store.save("m", weights("one"), DESCRIPTION);
        store.save("m", weights("two"), DESCRIPTION);
        assertEquals("two", read(store, "m"));
        try (var files = Files.list(store.dir("m"))) {
            assertEquals(2, files.count());
        }
        assertEquals(1, store.list().size());
        assertArrayEquals(new String[] {"m"}, store.list().stream().map(Manifest::name).toArray());
    }

    @Test
    void theConfigurationIsCoveredByAChecksumAndLegacyManifestsCanBeSealed() throws Exception {
        ModelStore store = new ModelStore(root);
        Manifest m = store.save("m", weights("w"), DESCRIPTION);
        assertEquals(ModelStore.configSha256(Map.of("width", 8)), m.configSha256());
        Path manifest = store.dir("m").resolve(ModelStore.MANIFEST);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replace("\"width\" : 8", "\"width\" : 9"));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> store.verify("m"));
        assertEquals(ModelStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("its configuration was changed after the model was saved"), e.getMessage());
        // a manifest from before config checksums loads (the model loaders check its parameters) and can be sealed once
        Files.writeString(manifest, json.replaceAll("(?m)^  \"configSha256\" : \"[0-9a-f]+\",\n", ""));
        assertEquals(null, store.verify("m").configSha256());
        assertTrue(store.seal("m"));
        assertEquals(m.configSha256(), store.verify("m").configSha256());
        assertEquals(false, store.seal("m"));
        assertEquals("w", read(store, "m"));
    }
}
