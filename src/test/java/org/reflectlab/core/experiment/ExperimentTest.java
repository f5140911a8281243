package org.reflectlab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;

/** An experiment saved in one home, opened in a fresh one and run, gives identical numbers; a changed model is named. */
class ExperimentTest {

    private static final ModelStore SHIPPED = new ModelStore(Path.of("models"));

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void savedOpenedInAFreshHomeAndRunGivesIdenticalNumbers(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        Settings a = new Settings(homeA.resolve("settings.properties"));
        a.put("reflect.prompt", "a yellow triangle above a green square");
        a.put("reflect.k", "3");
        a.put("reflect.seed", "5");
        a.put("reflect.steps", "4");
        a.put("reflect.compare", "true");
        a.put("shell.window.x", "12");
        Path file = homeA.resolve("exercise.json");
        Experiment.capture("reflect", a.snapshot(), SHIPPED, "Predict: fixed by iteration 3").write(file);
        assertTrue(Files.size(file) < 4096, "one small file: " + Files.size(file) + " bytes");
        List<String> here = ExperimentRun.run(Experiment.read(file), ReflectModels.load(SHIPPED), () -> false);

        // Elsewhere: a fresh home, the file copied over, its settings restored, the same models.
        Path copy = Files.copy(file, homeB.resolve("exercise.json"));
        Experiment opened = Experiment.read(copy);
        Settings b = new Settings(homeB.resolve("settings.properties"));
        opened.settings().forEach(b::put);
        assertEquals("5", b.get("reflect.seed").orElseThrow());
        assertFalse(opened.settings().containsKey("shell.window.x"), "the window's place is no part of it");
        assertEquals("Predict: fixed by iteration 3", opened.notes());
        assertEquals(List.of(), opened.modelDifferences(SHIPPED));
        assertTrue(opened.models().keySet().containsAll(List.of("generator", "critic", "judge", "unified")), opened.models().toString());
        List<String> there = ExperimentRun.run(new Experiment(Experiment.FORMAT, "reflect", b.snapshot(), opened.models(), "", ""),
                ReflectModels.load(SHIPPED), () -> false);
        assertEquals(here, there);
        assertTrue(here.get(0).startsWith("reflect 'a yellow triangle above a green square': K 3, seed 5, 4 steps"), here.get(0));
        assertTrue(here.stream().anyMatch(l -> l.startsWith("best-of-3 #3")), here.toString());
    }

    @Test
    void aDifferentOrMissingModelIsNamedAndABadFileGetsOneLine(@TempDir Path dir) throws Exception {
        Map<String, String> models = new java.util.TreeMap<>(Experiment.fingerprints(SHIPPED));
        models.put("critic", "0".repeat(64));
        models.put("ablate-nothing", "1".repeat(64));
        Experiment e = new Experiment(Experiment.FORMAT, "reflect", Map.of(), models, null, "now");
        List<String> diff = e.modelDifferences(SHIPPED);
        assertEquals(1, diff.stream().filter(d -> d.startsWith("model 'critic' differs: the experiment used 000000000000")).count(), diff.toString());
        assertEquals(1, diff.stream().filter(d -> d.startsWith("model 'ablate-nothing' is missing")).count(), diff.toString());
        assertEquals(2, diff.size());
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
        IOException ex = assertThrows(IOException.class, () -> Experiment.read(junk));
        assertEquals("junk.json is not a ReflectLab experiment of format 1", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExperimentRun.prompt(Map.of("reflect.prompt", "a purpel circle")));
    }
}
