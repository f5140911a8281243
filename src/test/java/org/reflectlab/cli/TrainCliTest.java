package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedTraining;

/** train unified on a tiny model: a diverging run, resuming, and Ctrl+C / SIGTERM in a real process. */
class TrainCliTest {

    private static final String[] TINY = {"--width", "16", "--latent", "8", "--eval-size", "8", "--log-every", "1"};

    private final CliRun cli = new CliRun();

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("train", "unified"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void aDivergingRunGivesUpWithAClearMessageAndSavesNothing(@TempDir Path models) throws Exception {
        // lr 0.1 without warm-up on SameDiff's graph: step 3 and every later one is NaN, whatever the learning
        // rate falls to. (The fast path stays finite here: it never computes padding tokens, which is where the
        // graph's overflow starts; FastTrainerTest covers its guard with injected divergence.)
        int rc = org.reflectlab.core.nn.fast.FastPath.with(false, () -> cli.run(args("--steps", "30", "--batch", "8",
                "--lr", "0.1", "--warmup", "1", "--out", "x", "--models", models.toString())));
        assertEquals(Cli.FAILED, rc, cli.both());
        assertTrue(cli.err().contains("error: Training diverged: 3 steps in a row"), cli.both());
        assertTrue(cli.err().contains("Nothing was saved"), cli.both());
        assertFalse(Files.exists(models.resolve("x")), "no model is saved");
        assertFalse(cli.out().contains("step     30"), "it gave up early: " + cli.out());
    }

    @Test
    void aSecondRunToTheSameModelIsRefusedAtOnceAndABadOutputBeforeTheFirstStep(@TempDir Path models) throws Exception {
        ModelStore store = new ModelStore(models);
        try (var running = org.reflectlab.core.store.ModelOutput.reserve(store, "x", 1)) {
            assertEquals(Cli.FAILED, cli.run(args("--steps", "2", "--batch", "4", "--out", "x", "--models", models.toString())),
                    cli.both());
            assertTrue(cli.err().contains("error: The model 'x' in " + models.toAbsolutePath() + " is being trained by another run"),
                    cli.both());
            assertFalse(cli.out().contains("step "), "refused before the first step: " + cli.out());
        }
        Path file = Files.writeString(models.resolve("passwd"), "root:x:0:0");
        assertEquals(Cli.BAD_INPUT, cli.run(args("--steps", "2", "--batch", "4", "--out", "y", "--models", file.toString())),
                cli.both());
        assertTrue(cli.err().contains("is a file, not a folder"), cli.both());
        assertFalse(cli.out().contains("step "), cli.out());
        assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--resume", "nonexist", "--models", models.toString()), cli.both());
        assertTrue(cli.err().contains("error: --resume nonexist: no checkpoint of that name in "), cli.both());
    }

    @Test
    void decoderDepthsReachTheModelAndItsCommand(@TempDir Path models) throws Exception {
        assertEquals(0, cli.run(args("--steps", "2", "--batch", "4", "--decoder-depth", "2", "--caption-depth", "1",
                "--eval-every", "2", "--out", "deep", "--models", models.toString())), cli.both());
        var m = new org.reflectlab.core.store.ModelStore(models).verify("deep");
        assertTrue(m.command().contains("--decoder-depth 2 --caption-depth 1"), m.command());
        var model = org.reflectlab.core.train.UnifiedModelIO.load(new org.reflectlab.core.store.ModelStore(models), "deep");
        assertEquals(2, model.config().decoderDepth());
        assertEquals(1, model.config().captionDepth());
    }

    @Test
    void aNoisySpatialLatentAndAGeneratorOnItsPrincipalComponentsOrItsWholeGrid(@TempDir Path models) throws Exception {
        assertEquals(0, cli.run(args("--steps", "2", "--batch", "4", "--latent-channels", "4", "--latent-noise", "0.1",
                "--eval-every", "2", "--out", "unified", "--models", models.toString())), cli.both());
        var store = new org.reflectlab.core.store.ModelStore(models);
        assertTrue(store.verify("unified").command().contains("--latent-channels 4 --latent-noise 0.1"), store.verify("unified").command());
        var unified = org.reflectlab.core.train.UnifiedModelIO.load(store, "unified");
        assertEquals(0.1, unified.config().latentNoise(), 1e-9);

        String[] gen = {"train", "generator", "--steps", "2", "--batch", "4", "--width", "32", "--depth", "1", "--context-rate", "0",
                "--models", models.toString()};
        assertEquals(0, cli.run(concat(gen, "--components", "16", "--out", "pca")), cli.both());
        var pca = org.reflectlab.core.nn.NetworkIO.load(store, "pca", org.reflectlab.core.nn.generator.Generator.NETWORK);
        assertEquals(16, pca.config().latent());
        assertTrue(store.verify("pca").command().contains("--components 16"), store.verify("pca").command());
        assertEquals(0, cli.run(concat(gen, "--out", "grid")), cli.both());
        var grid = org.reflectlab.core.nn.NetworkIO.load(store, "grid", org.reflectlab.core.nn.generator.Generator.NETWORK);
        assertEquals(unified.config().latent(), grid.config().latent(), "without --components a spatial latent is drawn whole");
        assertEquals(Cli.BAD_INPUT, cli.run(concat(gen, "--components", "4", "--out", "bad")), cli.both());
        assertTrue(cli.err().contains("--components must be 8.."), cli.both());
    }

    @Test
    void aVectorLatentWithATransformerDecoderAndADataPredictingGenerator(@TempDir Path models) throws Exception {
        assertEquals(0, cli.run(args("--steps", "2", "--batch", "4", "--latent-noise", "0.1", "--decoder-channels", "4",
                "--decoder-depth", "1", "--eval-every", "2", "--out", "unified", "--models", models.toString())), cli.both());
        var store = new org.reflectlab.core.store.ModelStore(models);
        String command = store.verify("unified").command();
        assertTrue(command.contains("--latent-noise 0.1 --decoder-channels 4"), command);
        var unified = org.reflectlab.core.train.UnifiedModelIO.load(store, "unified");
        assertTrue(unified.config().attentionDecoder() && !unified.config().spatial(), unified.config().toString());

        String[] gen = {"train", "generator", "--steps", "2", "--batch", "4", "--width", "32", "--depth", "1", "--context-rate", "0",
                "--components", "8", "--models", models.toString()};
        assertEquals(0, cli.run(concat(gen, "--predict", "data", "--out", "g")), cli.both());
        assertTrue(org.reflectlab.core.nn.NetworkIO.load(store, "g", org.reflectlab.core.nn.generator.Generator.NETWORK)
                .config().predictsData());
        assertTrue(store.verify("g").command().contains("--predict data"), store.verify("g").command());
        assertEquals(Cli.BAD_INPUT, cli.run(concat(gen, "--predict", "noise", "--out", "bad")), cli.both());
        assertTrue(cli.err().contains("--predict must be velocity or data"), cli.both());
    }

    @Test
    void tuningTheDecoderTrainsTheDecoderAloneOnAGeneratorsPathAndResumesAsSuch(@TempDir Path models) throws Exception {
        assertEquals(0, cli.run(args("--steps", "2", "--batch", "4", "--latent-noise", "0.1", "--eval-every", "2",
                "--out", "unified", "--models", models.toString())), cli.both());
        assertEquals(0, cli.run("train", "generator", "--steps", "2", "--batch", "4", "--width", "32", "--depth", "1",
                "--context-rate", "0", "--components", "8", "--out", "g", "--models", models.toString()), cli.both());
        var store = new org.reflectlab.core.store.ModelStore(models);
        assertEquals(0, cli.run("train", "unified", "--tune-decoder", "g", "--steps", "4", "--batch", "4", "--lr", "0.01",
                "--eval-every", "2", "--eval-size", "8", "--checkpoint-every", "2", "--out", "tuned", "--models", models.toString()),
                cli.both());
        var m = store.verify("tuned");
        assertTrue(m.command().contains("--tune-decoder g --init unified --path-noise 0.3 --path-share 0.5"), m.command());
        assertTrue(m.metrics().get("decode_path_pixel_scene") instanceof Number, m.metrics().toString());
        var before = org.reflectlab.core.train.UnifiedModelIO.load(store, "unified").params().arrays();
        assertOnlyTheDecoderMoved(before, org.reflectlab.core.train.UnifiedModelIO.load(store, "tuned").params().arrays());

        // the checkpoint of step 2 resumes as a tuning run: the encoders stay frozen to the end
        assertEquals(0, cli.run("train", "unified", "--resume", "tuned-checkpoint", "--out", "tuned2", "--models", models.toString()),
                cli.both());
        assertOnlyTheDecoderMoved(before, org.reflectlab.core.train.UnifiedModelIO.load(store, "tuned2").params().arrays());

        // a new, deeper decoder on the same encoders
        assertEquals(0, cli.run("train", "unified", "--tune-decoder", "g", "--decoder-depth", "2", "--steps", "2", "--batch", "4",
                "--eval-every", "2", "--eval-size", "8", "--out", "deeper", "--models", models.toString()), cli.both());
        assertTrue(store.verify("deeper").command().contains("--decoder-depth 2 --out deeper"), store.verify("deeper").command());
        var deeper = org.reflectlab.core.train.UnifiedModelIO.load(store, "deeper");
        assertEquals(2, deeper.config().decoderDepth());
        before.forEach((k, a) -> {
            if (!k.startsWith("dec/")) {
                assertTrue(a.equals(deeper.params().get(k)), k + " comes from the --init model");
            }
        });
        assertTrue(deeper.params().arrays().keySet().stream().anyMatch(k -> k.startsWith("dec/hidden1"))
                && before.keySet().stream().noneMatch(k -> k.startsWith("dec/hidden1")), deeper.params().arrays().keySet().toString());

        assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--tune-decoder", "g", "--width", "64", "--out", "x", "--models",
                models.toString()), cli.both());
        assertTrue(cli.err().contains("--width cannot go with --tune-decoder"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--init", "unified", "--out", "x", "--models", models.toString()),
                cli.both());
        assertTrue(cli.err().contains("go with --tune-decoder only"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--tune-decoder", "g", "--init", "nope", "--out", "x", "--models",
                models.toString()), cli.both());
        assertTrue(cli.err().contains("--init nope: no model of that name"), cli.both());
    }

    private static void assertOnlyTheDecoderMoved(java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> before,
                                                  java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> after) {
        int moved = 0;
        for (var e : before.entrySet()) {
            boolean same = e.getValue().equals(after.get(e.getKey()));
            if (e.getKey().startsWith("dec/")) {
                moved += same ? 0 : 1;
            } else {
                assertTrue(same, e.getKey() + " is frozen while the decoder is tuned");
            }
        }
        assertTrue(moved > 0, "the decoder trained");
    }

    private static String[] concat(String[] a, String... more) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void settingsCannotChangeOnResume(@TempDir Path models) {
        assertEquals(Cli.BAD_INPUT, cli.run("train", "unified", "--resume", "x-checkpoint", "--steps", "9000", "--lr", "0.01",
                "--models", models.toString()), cli.both());
        assertTrue(cli.err().contains("error: --steps and --lr cannot be changed when resuming"), cli.both());
    }

    @Test
    void ctrlCAndSigtermFinishTheStepSaveACheckpointAndSayHowToResume(@TempDir Path models) throws Exception {
        for (String signal : new String[] {"INT", "TERM"}) {
            String name = "t" + signal.toLowerCase();
            Process p = launch(models, name);
            StringBuilder out = new StringBuilder();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("step      3 ")) {
                    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
                    break;
                }
            }
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), out.toString());
            assertEquals(signal.equals("INT") ? 130 : 143, p.exitValue(), out.toString());
            Matcher m = Pattern.compile("# stopped at step (\\d+); checkpoint saved to (.+)\\. Resume with: reflectlab train unified "
                    + "--resume " + name + "-checkpoint").matcher(out);
            assertTrue(m.find(), out.toString());
            long step = Long.parseLong(m.group(1));
            assertTrue(step >= 3, out.toString());
            UnifiedTraining resumed = UnifiedTraining.resume(new ModelStore(models), name + "-checkpoint");
            assertEquals(step, resumed.completedSteps(), "the checkpoint holds every finished step");
        }
    }

    /** train unified in a process of its own, for signals. */
    private static Process launch(Path models, String name) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dreflectlab.home=" + models.resolve("home"),
                "org.reflectlab.Launcher"));
        cmd.addAll(List.of(args("--steps", "100000", "--batch", "4", "--out", name, "--models", models.toString())));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void ctrlCBeforeTheFirstStepSaysSoAndSavesNothing(@TempDir Path models) throws Exception {
        Process p = launch(models, "early");
        StringBuilder out = new StringBuilder();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            out.append(line).append('\n');
            if (line.startsWith("# unified model:")) { // built, not yet trained: the first evaluation comes next
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                break;
            }
        }
        while ((line = r.readLine()) != null) {
            out.append(line).append('\n');
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out.toString());
        assertEquals(130, p.exitValue(), out.toString());
        assertTrue(out.toString().contains("# stopped before the first step; nothing was trained or saved"), out.toString());
        assertFalse(out.toString().contains("step      1 "), out.toString());
        assertFalse(Files.exists(models.resolve("early-checkpoint")), "no checkpoint of an untrained model");
    }
}
