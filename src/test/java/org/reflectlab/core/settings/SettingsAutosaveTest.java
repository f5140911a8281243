package org.reflectlab.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With autosave, a change reaches the file soon after it is made (no clean exit needed), many changes in one write. */
class SettingsAutosaveTest {

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void aChangeIsWrittenWithoutSaveAndABurstOfChangesIsOneWrite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Settings s = new Settings(file).autosave(200);
        for (int i = 0; i <= 50; i++) {
            s.put("reflect.seed", Integer.toString(i));
        }
        waitUntil(() -> s.writes() > 0);
        Thread.sleep(300);
        assertEquals(1, s.writes(), "fifty changes within the delay share one write");
        assertEquals("50", new Settings(file).get("reflect.seed").orElseThrow(), "read back as a new start (after a kill) would");

        s.put("reflect.seed", "50");
        Thread.sleep(300);
        assertEquals(1, s.writes(), "an unchanged value is not written again");
        s.put("reflect.prompt", "two red circles");
        waitUntil(() -> s.writes() == 2);
        assertEquals("two red circles", new Settings(file).get("reflect.prompt").orElseThrow());
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(f -> f.equals(file)), "no temporary file is left behind");
        }
    }

    @Test
    void withoutAutosaveNothingIsWrittenUntilSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Settings s = new Settings(file);
        s.put("a", "1");
        Thread.sleep(100);
        assertTrue(Files.notExists(file));
        assertTrue(s.save());
        assertEquals("1", new Settings(file).get("a").orElseThrow());
    }
}
