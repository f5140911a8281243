package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.scaling.SweepStore;

/** reflect and sweep on the shipped models, kept small: one prompt, K 2, two sampling steps. */
class ReflectAndSweepCliTest {

    private final CliRun cli = new CliRun();

    @Test
    void reflectPrintsEachIterationAndWritesTheStripAndTheRun(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("strip.png");
        Path json = dir.resolve("run.json");
        assertEquals(0, cli.run("reflect", "--prompt", "a red circle left of a blue square", "--k", "2", "--steps", "2",
                "--no-early-stop", "--out", png.toString(), "--json", json.toString()), cli.both());
        assertTrue(cli.out().contains("k=1 ") && cli.out().contains("k=2 ") && cli.out().contains("# final: judge says"), cli.out());
        assertTrue(Files.size(png) > 100);
        Map<?, ?> run = new ObjectMapper().readValue(json.toFile(), Map.class);
        assertEquals("a red circle left of a blue square", run.get("prompt"));
        assertEquals(2, ((List<?>) run.get("iterations")).size());
    }

    @Test
    void aSweepRunsResumesRepairsATornRowAndBoundsItsWorkers(@TempDir Path dir) throws Exception {
        Path sweeps = dir.resolve("sweeps");
        Path csv = dir.resolve("rows.csv");
        String[] args = {"sweep", "--methods", "bon", "--k", "1,2", "--per-category", "1", "--steps", "2", "--name", "tiny",
            "--sweeps", sweeps.toString(), "--csv", csv.toString(), "--workers", "300"};
        assertEquals(0, cli.run(args), cli.both());
        assertTrue(cli.err().contains("warning: --workers 300 is more than this machine can use"), cli.both());
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(cli.out().contains(" prompts, seed 1, " + Math.min(cores, 2) + " workers")
                || cli.out().contains(" prompts, seed 1, " + cores + " workers"), cli.out());
        assertTrue(cli.out().contains("# 12 new rows"), cli.out());
        assertEquals(1 + 12, Files.readAllLines(csv).size(), "6 prompts x K 1 and 2, and the header");

        // a crash cut the last row: the next run cuts it back, says so and redoes that prompt only
        Path results = sweeps.resolve("tiny").resolve(SweepStore.RESULTS);
        List<String> lines = Files.readAllLines(results);
        String last = lines.get(lines.size() - 1);
        Files.write(results, lines.subList(0, lines.size() - 1));
        Files.writeString(results, last.substring(0, last.length() / 2), StandardOpenOption.APPEND);
        assertEquals(0, cli.run(args), cli.both());
        assertTrue(cli.err().contains("had an incomplete last line") && cli.err().contains(SweepStore.TORN), cli.both());
        assertTrue(cli.out().contains("# 1 new rows") || cli.out().contains("# 2 new rows"), cli.out());
        assertEquals(1 + 12, Files.readAllLines(csv).size(), "every row once: no phantom prompt");

        // while another process or window runs the sweep, a second run of it is refused
        Path folder = sweeps.resolve("tiny");
        SweepStore stored = SweepStore.read(folder);
        @SuppressWarnings("unchecked")
        Map<String, Object> models = (Map<String, Object>) stored.info().get("models");
        try (SweepStore running = SweepStore.open(folder, stored.settings(), models)) {
            assertEquals(Cli.FAILED, cli.run(args), cli.both());
            assertTrue(cli.err().contains("error: The sweep 'tiny' is being run by another process or window"), cli.both());
        }
    }

    @Test
    void aSweepOnOtherModelsOrSettingsIsRefusedAsBadInputAndKeepsItsRows(@TempDir Path dir) throws Exception {
        Path sweeps = dir.resolve("sweeps");
        String[] args = {"sweep", "--methods", "bon", "--k", "1,2", "--per-category", "1", "--steps", "2", "--name", "x",
            "--sweeps", sweeps.toString()};
        org.reflectlab.core.scaling.SweepSettings settings = new org.reflectlab.core.scaling.SweepSettings(
                List.of(org.reflectlab.core.scaling.Method.BEST_OF_N), List.of(1, 2), 1, 1, 2,
                2.0, 3);
        Map<String, Object> shipped = org.reflectlab.core.scaling.SweepInputs.models(
                new org.reflectlab.core.store.ModelStore(org.reflectlab.core.settings.AppPaths.models()));
        Map<String, Object> other = new java.util.LinkedHashMap<>(shipped);
        other.put("generator", "0123456789abcdef");
        try (SweepStore s = SweepStore.open(sweeps.resolve("x"), settings, other)) {
            s.append(List.of(new org.reflectlab.core.scaling.SweepRow("p", org.reflectlab.core.data.Category.COLORS, "a red circle",
                    org.reflectlab.core.scaling.Method.BEST_OF_N, 1, 1, 8, 1, true, 1, 5)));
        }
        assertEquals(Cli.BAD_INPUT, cli.run(args), cli.both());
        assertTrue(cli.err().contains("error: The sweep 'x' was run on other models (generator: was 0123456789ab, now "), cli.both());
        assertEquals(2, Files.readAllLines(sweeps.resolve("x").resolve(SweepStore.RESULTS)).size());

        String[] otherK = args.clone();
        otherK[4] = "1,2,4";
        assertEquals(Cli.BAD_INPUT, cli.run(otherK), cli.both());
        assertTrue(cli.err().contains("was run with other settings"), cli.both());
    }

    @Test
    void ctrlCStoresThePromptsInHandAndPrintsHowToResume(@TempDir Path dir) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dreflectlab.home=" + dir.resolve("home"), "org.reflectlab.Launcher",
                "sweep", "--methods", "bon,reflect", "--k", "1,2", "--per-category", "5", "--steps", "2", "--workers", "1",
                "--sweeps", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            out.append(line).append('\n');
            if (line.startsWith("# sweep '")) {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                break;
            }
        }
        while ((line = r.readLine()) != null) {
            out.append(line).append('\n');
        }
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out.toString());
        assertEquals(130, p.exitValue(), out.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("# stopped: \\d+ new rows, (\\d+) in all, are stored in (\\S+)\\. "
                + "Resume with: reflectlab sweep --methods bon,reflect --k 1,2 --per-category 5 --steps 2 --workers 1 --sweeps "
                + java.util.regex.Pattern.quote(dir.toString()) + " --name (\\S+)").matcher(out);
        assertTrue(m.find(), out.toString());
        assertEquals(Integer.parseInt(m.group(1)) + 1, Files.readAllLines(Path.of(m.group(2))).size(), "every row kept, and the header");
    }
}
