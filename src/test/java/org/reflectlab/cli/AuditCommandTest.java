package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `audit --latent-only` reads a unified model alone, as a new one is read before the chain after it exists. */
class AuditCommandTest {

    @Test
    void latentOnlyNeedsNothingButTheUnifiedModel(@TempDir Path dir) throws IOException {
        copy(Path.of("models/unified"), dir.resolve("unified"));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("audit", "--latent-only", "--per-category", "2", "--models", dir.toString()), cli.both());
        Matcher m = Pattern.compile("image latents: ([0-9.]+) \\(what the latent keeps").matcher(cli.out());
        assertTrue(m.find(), cli.both());
        assertTrue(Double.parseDouble(m.group(1)) >= 0.5, "the shipped latent keeps most scenes: " + m.group(1));
        CliRun full = new CliRun();
        assertNotEquals(0, full.run("audit", "--per-category", "2", "--models", dir.toString()),
                "the whole audit needs the generator, critic and judge: " + full.both());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
