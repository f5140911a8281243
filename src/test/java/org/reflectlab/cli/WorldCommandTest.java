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
    void withoutTheImplicitModelItNeedsExplicitOnlyThenComparesAndExports(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("strip.png");
        Path csv = dir.resolve("metrics.csv");
        assertEquals(Cli.FAILED, run("world", "--frames", "20", "--models", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("No model 'world-implicit'") && err.toString().contains("--explicit-only"), err.toString());
        assertEquals(0, run("world", "--frames", "20", "--seeds", "2", "--explicit-only", "--models", dir.resolve("none").toString(),
                "--png", png.toString(), "--csv", csv.toString()), err.toString());
        assertTrue(out.toString().contains("explicit "), out.toString());
        assertTrue(Files.size(png) > 100);
        assertEquals(2 + 20, Files.readAllLines(csv).size());
        assertEquals(Cli.FAILED, run("world", "--frames", "5", "--sweep", "--explicit-only", "--models", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("the alpha sweep needs the implicit model"), err.toString());
    }

    @Test
    void aDamagedImplicitModelIsAFailureNotASilentFallback(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        Path copy = Files.createDirectories(models.resolve("world-implicit"));
        try (var files = Files.list(Path.of("models", "world-implicit"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (var files = Files.list(copy)) {
            Path weights = files.filter(f -> f.getFileName().toString().startsWith("weights-")).findFirst().orElseThrow();
            byte[] b = Files.readAllBytes(weights);
            b[b.length / 2] ^= 1;
            Files.write(weights, b);
        }
        assertEquals(Cli.FAILED, run("world", "--frames", "5", "--models", models.toString()), out.toString());
        assertTrue(err.toString().contains("is corrupt or was modified"), err.toString());
    }
}
