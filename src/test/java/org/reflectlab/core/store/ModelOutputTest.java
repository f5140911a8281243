package org.reflectlab.core.store;

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

/** A training run's output: checked and locked before the first step, rescued when the save fails. */
class ModelOutputTest {

    private static final ModelDescription DESCRIPTION = new ModelDescription("test-model", "reflectlab train test", 3L, Map.of(),
            Map.of("width", 8), Map.of(), Map.of());

    private static Manifest save(ModelStore into, String name) throws ModelStoreException {
        return into.save(name, List.of(new ModelStore.NewFile("weights", "weights", "bin",
                p -> Files.writeString(p, "weights", StandardCharsets.UTF_8))), DESCRIPTION);
    }

    @Test
    void aSecondRunToTheSameNameIsRefusedAtOnceUntilTheFirstEnds(@TempDir Path root) throws Exception {
        ModelStore store = new ModelStore(root);
        try (ModelOutput first = ModelOutput.reserve(store, "m", 1)) {
            ModelStoreException e = assertThrows(ModelStoreException.class, () -> ModelOutput.reserve(store, "m", 1));
            assertEquals(ModelStoreException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("The model 'm' in ") && e.getMessage().contains("is being trained by another run"),
                    e.getMessage());
            ModelOutput.reserve(store, "other", 1).close(); // other names are free
        }
        ModelOutput.reserve(store, "m", 1).close();
    }

    @Test
    void aModelsFolderThatIsAFileOrTooSmallIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> ModelOutput.reserve(new ModelStore(file), "m", 1));
        assertEquals(ModelStoreException.Reason.BAD_LOCATION, e.reason());
        assertTrue(e.getMessage().endsWith("is a file, not a folder; pass a folder with --models."), e.getMessage());

        ModelStoreException full = assertThrows(ModelStoreException.class,
                () -> ModelOutput.reserve(new ModelStore(dir.resolve("models")), "m", Long.MAX_VALUE / 2));
        assertEquals(ModelStoreException.Reason.BAD_LOCATION, full.reason());
        assertTrue(full.getMessage().contains("free, but the model needs about") && full.getMessage().contains("Nothing was trained"),
                full.getMessage());
    }

    @Test
    void aSaveTheFolderCannotTakeIsKeptInARescueFolderAndTheErrorSaysWhere(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        Path rescue = dir.resolve("rescued");
        Files.writeString(dir.resolve("not-a-folder.txt"), "a file where a rescue folder should be");
        try (ModelOutput out = ModelOutput.reserve(store, "m", 1)) {
            ModelStoreException e = assertThrows(ModelStoreException.class, () -> out.save(into -> {
                if (into == store) {
                    throw new ModelStoreException(ModelStoreException.Reason.DISK_FULL, "Could not save model 'm': the disk is full.",
                            new IOException("No space left on device"));
                }
                return save(into, "m");
            }, List.of(dir.resolve("not-a-folder.txt/x"), rescue)));
            assertEquals(ModelStoreException.Reason.DISK_FULL, e.reason());
            assertTrue(e.getMessage().startsWith("Could not save model 'm': the disk is full. The trained weights were saved to "
                    + rescue.resolve("m").toAbsolutePath() + " instead"), e.getMessage());
            assertEquals("test-model", new ModelStore(rescue).verify("m").kind());

            ModelStoreException notFinite = new ModelStoreException(ModelStoreException.Reason.NOT_FINITE, "not finite");
            assertEquals(notFinite, assertThrows(ModelStoreException.class, () -> out.save(into -> {
                throw notFinite;
            }, List.of(rescue))), "weights that must not be saved are not rescued either");
        }
    }
}
