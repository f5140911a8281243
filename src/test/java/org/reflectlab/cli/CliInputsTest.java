package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the command line: refused before any work, with one plain line, the same way in every command. */
class CliInputsTest {

    private final CliRun cli = new CliRun();

    @Test
    void picocliErrorsSayWhatIsWrongAndExit2() {
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--frobnicate"));
        assertTrue(cli.err().contains("Unknown option: '--frobnicate'"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--count", "many"));
        assertTrue(cli.err().contains("Invalid value for option '--count': 'many' is not an int"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("reflect"));
        assertTrue(cli.err().contains("Missing required option: '--prompt=<prompt>'"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("nosuchcommand"));
        assertTrue(cli.err().contains("Unmatched argument at index 0: 'nosuchcommand'"), cli.both());
    }

    @Test
    void aTypeErrorIsOneLineWithAHelpHintAndHugeInputIsCut() {
        assertEquals(Cli.BAD_INPUT, cli.run("sweep", "--per-category", "ten"));
        assertEquals("error: Invalid value for option '--per-category': 'ten' is not an int\n"
                + "Run 'reflectlab sweep --help' for its options.\n", cli.err(), cli.both());
        String huge = "x".repeat(200_000);
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--count", huge));
        assertTrue(cli.err().length() < 2_000, "the 200 kB argument is not echoed back: " + cli.err().length() + " characters");
        assertTrue(cli.err().contains("more characters left out"), cli.err().substring(0, 600));
    }

    @Test
    void infoListsModelsByTheFolderNamesCommandsTake() {
        assertEquals(0, cli.run("info"), cli.both());
        String models = cli.out().lines().filter(l -> l.matches("models +\\[.*")).findFirst().orElse("");
        assertTrue(models.contains("generator-base") && models.contains("generator,"), models);
        assertFalse(models.contains("base2") || models.contains("generator-reflect"), "not the names inside manifests: " + models);
    }

    @Test
    void aNegativeSeedIsRefusedTheSameWayEverywhere() {
        for (String[] cmd : new String[][] {{"reflect", "--prompt", "a red circle"}, {"aphasia"}, {"world"}, {"data"},
                {"sweep"}, {"geneval"}, {"train", "unified"}, {"prompts"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("--seed", "-1"))
                    .toArray(String[]::new);
            assertEquals(Cli.BAD_INPUT, cli.run(args), String.join(" ", cmd) + ": " + cli.both());
            assertTrue(cli.err().contains("Invalid value for option '--seed': a seed is 0 or more, not -1"), cli.both());
        }
    }

    @Test
    void unknownCaptionWordsAndEmojiAreNamed() {
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--caption", "a purpel circle"));
        assertTrue(cli.err().contains("error: 'purpel' is not a known word; did you mean 'purple'?"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--caption", "a red 🔴 circle"));
        assertTrue(cli.err().contains("error: The caption holds characters ShapesWorld cannot read: '🔴' (U+1F534)"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("reflect", "--prompt", "a ❤️ square", "--models", "no-such-folder"));
        assertTrue(cli.err().contains("'❤' (U+2764)"), cli.both());
    }

    @Test
    void perCategoryOutsideThePromptSetIsRefused(@TempDir Path dir) {
        Path none = dir.resolve("none");
        assertEquals(Cli.BAD_INPUT, cli.run("geneval", "--per-category", "0", "--models", none.toString()));
        assertTrue(cli.err().contains("error: --per-category must be 1..50 (the prompt set has 50 per category), not 0"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("sweep", "--per-category", "1000", "--models", none.toString(),
                "--sweeps", dir.resolve("s").toString()));
        assertTrue(cli.err().contains("error: --per-category must be 1..50 (the prompt set has 50 per category), not 1000"), cli.both());
        assertFalse(Files.exists(dir.resolve("s")), "no sweep folder named p1000");
    }

    @Test
    void helpPrintsWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String cmd : new String[] {"aphasia", "geneval", "sweep", "world", "reflect", "data", "models"}) {
                assertEquals(0, cli.run(cmd, "--help"), cmd);
            }
            assertEquals(0, cli.run("train", "unified", "--help"));
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "picocli printed warnings");
        assertEquals("", cli.err());
        assertTrue(cli.out().contains("bootstrap 95% intervals"), cli.out());
    }

    @Test
    void unexpectedFailuresAreOneLineWithoutJavaInternals() {
        String npe = Cli.describe(new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\" because \"m\" is null"));
        assertEquals("an unexpected internal error (NullPointerException). Please report it; run with -Dreflectlab.debug=true "
                + "to print where it happened.", npe);
        assertTrue(Cli.describe(new ArithmeticException("/ by zero")).startsWith("an unexpected internal error (ArithmeticException)"));
        assertEquals("no such file or folder: out/x", Cli.describe(new java.nio.file.NoSuchFileException("out/x")));
        assertEquals("permission denied: /root/x", Cli.describe(new java.nio.file.AccessDeniedException("/root/x")));
        assertEquals("--k must be 1..20", Cli.describe(new IllegalArgumentException("--k must be 1..20")));
        assertEquals("not enough memory (Java heap space); try fewer --workers or a smaller --batch",
                Cli.describe(new OutOfMemoryError("Java heap space")));
    }
}
