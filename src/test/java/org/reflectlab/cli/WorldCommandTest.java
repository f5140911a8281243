package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        assertEquals(Cli.BAD_INPUT, run("world", "--alpha", "1.5"));
        assertTrue(err.toString().contains("alpha must be between 0 and 1"), err.toString());
        assertEquals(Cli.BAD_INPUT, run("world", "--frames", "601"));
        assertTrue(err.toString().contains("horizon must be 1..600 frames"), err.toString());
        assertEquals(Cli.BAD_INPUT, run("world", "--actions", "wild"));
        assertTrue(err.toString().contains("unknown action script 'wild'"), err.toString());
    }

    @Test
    void withoutTheImplicitModelItComparesExplicitPhysicsAndExports(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("strip.png");
        Path csv = dir.resolve("metrics.csv");
        assertEquals(0, run("world", "--frames", "20", "--seeds", "2", "--models", dir.resolve("none").toString(),
                "--png", png.toString(), "--csv", csv.toString()));
        assertTrue(err.toString().contains("No model 'world-implicit'"), err.toString());
        assertTrue(out.toString().contains("explicit "), out.toString());
        assertTrue(Files.size(png) > 100);
        assertEquals(2 + 20, Files.readAllLines(csv).size());
        assertEquals(Cli.FAILED, run("world", "--frames", "5", "--sweep", "--models", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("the alpha sweep needs the implicit model"), err.toString());
    }
}
