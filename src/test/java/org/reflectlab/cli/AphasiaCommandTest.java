package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AphasiaCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void badSettingsAndAMissingModelAreExplained(@TempDir Path dir) {
        assertEquals(Cli.BAD_INPUT, run("aphasia", "--samples", "1"));
        assertTrue(err.toString().contains("samples must be 2..5000"), err.toString());
        assertEquals(Cli.FAILED, run("aphasia", "--samples", "4", "--models", dir.toString()));
        assertTrue(err.toString().contains("Train it with: reflectlab train unified"), err.toString());
        assertEquals(Cli.FAILED, run("aphasia", "--variants", "all", "--samples", "4", "--models", dir.toString()));
        assertTrue(err.toString().contains("No ablation variants"), err.toString());
        assertEquals(Cli.BAD_INPUT, run("aphasia", "--memory", "--posters", "4", "--captioned", "4"));
        assertTrue(err.toString().contains("captioned posters must be 0..3"), err.toString());
    }

    @Test
    void printsTheTablesAndWritesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("a.csv");
        assertEquals(0, run("aphasia", "--samples", "20", "--seed", "2", "--resamples", "200", "--models", "models",
                "--csv", csv.toString()), err.toString());
        String o = out.toString();
        assertTrue(o.contains("fine position") && o.contains("image -> text") && o.contains("same-modality"), o);
        assertTrue(Files.readAllLines(csv).stream().anyMatch(l -> l.startsWith("retrieval,recall_at_1,image_to_text,")));
    }

    @Test
    void telephonePrintsACurvePerPathAndWritesItsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        assertEquals(0, run("aphasia", "--telephone", "--rounds", "2", "--samples", "8", "--resamples", "100", "--models", "models",
                "--csv", csv.toString()), err.toString());
        String o = out.toString();
        assertTrue(o.contains("## through words") && o.contains("## through the image latent") && o.contains("lost first to last"), o);
        assertEquals(1 + 2 * 3 * 6, Files.readAllLines(csv).size());
        assertEquals(Cli.BAD_INPUT, run("aphasia", "--telephone", "--rounds", "0"));
        assertTrue(err.toString().contains("rounds must be 1..20"), err.toString());
    }
}
