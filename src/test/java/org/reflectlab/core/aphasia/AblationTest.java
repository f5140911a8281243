package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;

/** Ablation plumbing on two tiny (barely trained, 32 px) variants beside a copy of the shipped judge. */
class AblationTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void variantsAreFoundBaselineFirstAndRunOnTheSameScenes(@TempDir Path dir) throws Exception {
        copy(Path.of("models", "judge"), dir.resolve("judge"));
        ModelStore store = new ModelStore(dir);
        UnifiedConfig small = new UnifiedConfig(32, 4, 32, 2, 1, 1, 1, 1, 32, 1.0, 1.0, 1.0, 0.2, 0.1);
        save(store, Ablation.PREFIX + "align", small.withWeights(1, 1, 1, 1.0));
        save(store, Ablation.BASELINE, small);
        assertEquals(List.of(Ablation.BASELINE, Ablation.PREFIX + "align"), Ablation.variantNames(store));

        AphasiaCache cache = new AphasiaCache();
        List<Ablation.Variant> v = Ablation.run(store, Ablation.variantNames(store), new AphasiaSettings(1, 8, 100), cache,
                RoundTrip.SILENT);
        assertEquals(2, v.size());
        assertTrue(v.get(1).description().english().contains("align weight 1.0"), v.get(1).description().english());
        assertTrue(v.get(0).description().english().contains("align weight 0.2"), v.get(0).description().english());
        assertNotEquals(v.get(0).result().modelSha(), v.get(1).result().modelSha());
        for (int i = 0; i < 8; i++) {
            assertEquals(v.get(0).result().samples().get(i).trueCaption(), v.get(1).result().samples().get(i).trueCaption());
        }
        assertEquals(2, cache.size());
        List<String> table = Ablation.table(v);
        assertEquals(1 + 2 + 2, table.size());
        assertTrue(table.get(1).startsWith(Ablation.BASELINE));
        AphasiaExport.writeAblationCsv(v, dir.resolve("a.csv"));
        assertTrue(Files.readString(dir.resolve("a.csv")).contains(Ablation.PREFIX + "align,fine,gap,"));
    }

    @Test
    void noVariantsSaysHowToTrainThem(@TempDir Path dir) {
        ModelStoreException e = assertThrows(ModelStoreException.class,
                () -> Ablation.run(new ModelStore(dir), List.of(), AphasiaSettings.of(1, 4), null, RoundTrip.SILENT));
        assertTrue(e.getMessage().contains("reflectlab train unified"), e.getMessage());
    }

    private static void save(ModelStore store, String name, UnifiedConfig config) throws Exception {
        UnifiedTraining t = UnifiedTraining.fresh(config, new TrainSettings(3e-3, 8, 2, 7, 1, 1000, 16, 1000));
        t.trainStep();
        t.trainStep();
        t.save(store, name, "test: 2 steps", false);
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
