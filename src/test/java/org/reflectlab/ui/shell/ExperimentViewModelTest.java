package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.experiment.Experiment;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

class ExperimentViewModelTest {

    private static final ModelStore SHIPPED = new ModelStore(Path.of("models"));

    @Test
    void saveThenOpenInAFreshHomeRestoresTheSettingsAndTheWorkspace(@TempDir Path a, @TempDir Path b) throws Exception {
        Settings mine = new Settings(a.resolve("settings.properties"));
        mine.put("reflect.prompt", "two green triangles");
        mine.put("reflect.seed", "42");
        Path file = a.resolve("exercise.json");
        RecordingNotifier n = new RecordingNotifier();
        new ExperimentViewModel(mine, SHIPPED, () -> "reflect", id -> { }, n).save(file, "Which iteration fixes it?");
        assertTrue(Files.isRegularFile(file));

        Settings fresh = new Settings(b.resolve("settings.properties"));
        List<String> reopened = new ArrayList<>();
        ExperimentViewModel there = new ExperimentViewModel(fresh, SHIPPED, () -> "data", reopened::add, new RecordingNotifier());
        there.open(file);
        assertEquals("42", fresh.get("reflect.seed").orElseThrow());
        assertEquals("two green triangles", fresh.get("reflect.prompt").orElseThrow());
        assertTrue(Files.isRegularFile(b.resolve("settings.properties")), "written at once");
        assertEquals(List.of("reflect"), reopened, "the file's workspace is shown, built from the settings");
        assertTrue(there.messageProperty().get().contains("every model matches. Notes: Which iteration fixes it?"),
                there.messageProperty().get());

        // A machine whose critic is another: opening says so.
        Experiment e = Experiment.read(file);
        java.util.Map<String, String> models = new java.util.TreeMap<>(e.models());
        models.put("critic", "ab".repeat(32));
        new Experiment(e.format(), e.workspace(), e.settings(), models, e.notes(), e.created()).write(file);
        there.open(file);
        assertTrue(there.messageProperty().get().contains("model 'critic' differs"), there.messageProperty().get());

        Files.writeString(file, "not json");
        there.open(file);
        assertTrue(there.messageProperty().get().startsWith("exercise.json is not a ReflectLab experiment"), there.messageProperty().get());
    }
}
