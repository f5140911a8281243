package org.reflectlab.core.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * Runs a chain of stages in dependency order and remembers, in {@code <work>/pipeline.json}, what each
 * finished stage ran (its arguments) and what it read and wrote (the SHA-256 refs of its models and
 * files). A stage whose record still matches (same arguments, its outputs unchanged, its inputs the
 * ones it was run on) is skipped, so a stopped pipeline resumes where it stopped and a changed stage
 * reruns everything downstream of it.
 */
public final class Pipeline {

    /** Runs one stage's command (the arguments plus the models folder); its exit code. */
    public interface Runner {
        int run(List<String> args) throws Exception;
    }

    /** The outcome of a whole run. */
    public record Result(int ran, int skipped, String failedStage, int exitCode, double minutes) {

        public boolean ok() {
            return failedStage == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Stage> stages;
    private final ModelStore store;
    private final Path work;
    private final String label;
    private final Map<String, Map<String, Object>> records;

    /** {@code label} is the pipeline command itself ("reflectlab pipeline --quick"), written into every manifest it makes. */
    public Pipeline(List<Stage> stages, ModelStore store, Path work, String label) throws IOException {
        this.stages = List.copyOf(stages);
        this.store = store;
        this.work = work;
        this.label = label;
        Files.createDirectories(work);
        Path state = stateFile();
        this.records = Files.isRegularFile(state)
                ? JSON.readValue(state.toFile(), new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { })
                : new LinkedHashMap<>();
    }

    public List<Stage> stages() {
        return stages;
    }

    private Path stateFile() {
        return work.resolve("pipeline.json");
    }

    /** Whether the stage's record matches what is on disk now (its upstream stages are checked by their refs). */
    public boolean upToDate(Stage s) {
        Map<String, Object> rec = records.get(s.name());
        if (rec == null || !s.args().equals(rec.get("args"))) {
            return false;
        }
        return outputs(s).equals(rec.get("outputs")) && inputs(s).equals(rec.get("inputs"));
    }

    /** Runs every stage that is not up to date, in order; stops at the first failure. */
    public Result run(Runner runner, Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        double estimateLeft = stages.stream().filter(s -> !upToDate(s)).mapToDouble(Stage::estimatedMinutes).sum();
        double pace = 1.0; // measured minutes per estimated minute, from the stages run so far
        int ran = 0;
        int skipped = 0;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String head = String.format(Locale.ROOT, "[%d/%d %s]", i + 1, stages.size(), s.name());
            if (upToDate(s)) {
                log.accept(head + " up to date, skipped (" + String.join(", ", outputs(s).values()) + ")");
                skipped++;
                continue;
            }
            log.accept(String.format(Locale.ROOT, "%s %s%n%s about %s for this stage, %s for the rest of the pipeline", head,
                    s.command(), " ".repeat(head.length()), minutes(s.estimatedMinutes() * pace), minutes(estimateLeft * pace)));
            long start = System.nanoTime();
            List<String> args = new ArrayList<>(s.args());
            args.addAll(List.of("--models", store.root().toString()));
            int code;
            try {
                code = runner.run(args);
            } catch (Exception e) {
                log.accept(head + " failed: " + e.getMessage());
                return new Result(ran, skipped, s.name(), 1, (System.nanoTime() - t0) / 6e10);
            }
            double took = (System.nanoTime() - start) / 6e10;
            if (code != 0) {
                log.accept(head + " failed (exit code " + code + ") after " + minutes(took) + "; fix the cause and run the pipeline "
                        + "again: finished stages are skipped");
                return new Result(ran, skipped, s.name(), code, (System.nanoTime() - t0) / 6e10);
            }
            try {
                for (String model : s.models()) {
                    store.recordMaker(model, label + " (stage " + s.name() + ": " + s.command() + ")");
                }
            } catch (ModelStoreException e) {
                log.accept(head + " finished, but its model cannot be read back: " + e.getMessage());
                return new Result(ran, skipped, s.name(), 1, (System.nanoTime() - t0) / 6e10);
            }
            record(s, took);
            ran++;
            estimateLeft -= s.estimatedMinutes();
            pace = Math.max(0.05, elapsedPace(took, s.estimatedMinutes(), pace, ran));
            log.accept(String.format(Locale.ROOT, "%s done in %s", head, minutes(took)));
        }
        return new Result(ran, skipped, null, 0, (System.nanoTime() - t0) / 6e10);
    }

    private static double elapsedPace(double took, double estimated, double pace, int ran) {
        double ratio = estimated > 0 ? took / estimated : pace;
        return (pace * (ran - 1) + ratio) / ran;
    }

    private void record(Stage s, double minutes) throws IOException {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("args", s.args());
        rec.put("inputs", inputs(s));
        rec.put("outputs", outputs(s));
        rec.put("minutes", Math.round(minutes * 100) / 100.0);
        records.put(s.name(), rec);
        AtomicFile.write(stateFile(), out -> out.write(JSON.writeValueAsBytes(records)));
    }

    /** Refs of the stage's models and files as they are now ("missing" where absent or damaged). */
    private Map<String, String> outputs(Stage s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String m : s.models()) {
            out.put(m, modelRef(m));
        }
        for (String f : s.files()) {
            out.put(f, fileRef(Path.of(f)));
        }
        return out;
    }

    /** The outputs of every stage this one needs, as they are now. */
    private Map<String, String> inputs(Stage s) {
        Map<String, String> in = new LinkedHashMap<>();
        for (String need : s.needs()) {
            stages.stream().filter(t -> t.name().equals(need)).findFirst().ifPresent(t -> in.putAll(outputs(t)));
        }
        return in;
    }

    private String modelRef(String name) {
        try {
            return store.ref(name);
        } catch (ModelStoreException e) {
            return "missing";
        }
    }

    private static String fileRef(Path file) {
        try {
            return file.getFileName() + "@" + ModelStore.sha256(file).substring(0, 12);
        } catch (IOException e) {
            return "missing";
        }
    }

    /** A Markdown table of every model's held-out metrics, from their manifests. */
    public String report() {
        StringBuilder b = new StringBuilder("| stage | model | minutes | held-out metrics |\n|---|---|---|---|\n");
        for (Stage s : stages) {
            Object minutes = records.getOrDefault(s.name(), Map.of()).get("minutes");
            for (String m : s.models()) {
                String metrics;
                try {
                    Manifest man = store.verify(m);
                    metrics = describe(man.metrics());
                } catch (ModelStoreException e) {
                    metrics = "not available: " + e.getMessage();
                }
                b.append("| ").append(s.name()).append(" | ").append(m).append(" | ").append(minutes == null ? "-" : minutes)
                        .append(" | ").append(metrics).append(" |\n");
            }
            for (String f : s.files()) {
                b.append("| ").append(s.name()).append(" | ").append(Path.of(f).getFileName()).append(" | ")
                        .append(minutes == null ? "-" : minutes).append(" | ").append(fileRef(Path.of(f))).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String describe(Map<String, Object> metrics) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((k, v) -> parts.add(k + " " + (v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v)));
        return String.join(", ", parts);
    }

    static String minutes(double m) {
        if (m < 1) {
            return String.format(Locale.ROOT, "%.0f s", m * 60);
        }
        long total = Math.round(m);
        return total >= 60 ? String.format(Locale.ROOT, "%dh%02dm", total / 60, total % 60) : total + " min";
    }
}
