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
        if (!produced(s).equals(rec.get("outputs")) || !inputs(s).equals(rec.get("inputs"))) {
            return false;
        }
        // refined in place since: what it wrote is gone, so a refinement that must run again needs it made anew
        Stage refiner = refinerOf(s);
        return refiner == null || outputs(s).equals(rec.get("outputs")) || upToDate(refiner);
    }

    private Stage refinerOf(Stage s) {
        return stages.stream().filter(r -> s.name().equals(r.refines())).findFirst().orElse(null);
    }

    /**
     * The stage's outputs as it wrote them: its record's where a later stage refined them in place since (that
     * stage's record says it ran on exactly them and wrote what is on disk now), else what is on disk.
     */
    private Map<String, String> produced(Stage s) {
        Map<String, String> now = outputs(s);
        Map<String, Object> rec = records.get(s.name());
        if (rec == null || now.equals(rec.get("outputs")) || !(rec.get("outputs") instanceof Map<?, ?> wrote)) {
            return now;
        }
        Stage r = refinerOf(s);
        Map<String, Object> refined = r == null ? null : records.get(r.name());
        boolean explained = now.equals(rec.get("refinedTo")) // adopted as its refinement left it
                || refined != null && now.equals(refined.get("outputs"))
                && refined.get("inputs") instanceof Map<?, ?> read && read.entrySet().containsAll(wrote.entrySet());
        if (!explained) {
            return now;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> original = (Map<String, String>) wrote;
        return new LinkedHashMap<>(original);
    }

    /**
     * Records, as finished, each stage not yet recorded whose models are all in the folder with a manifest
     * that says this very stage of a pipeline made them (and whose upstream stages were adopted too): a models
     * folder the pipeline filled elsewhere, e.g. the shipped one, continues the chain instead of training it
     * again. A stage that writes files outside the folder (the pool) is never adopted. The names adopted.
     */
    public List<String> adopt() throws IOException {
        List<String> adopted = new ArrayList<>();
        for (Stage s : stages) {
            if (records.get(s.name()) != null && records.get(s.name()).containsKey("args")) {
                continue;
            }
            // every stage it reads adopted too: a model in the folder was made from the folder's own upstream models, not
            // from ones this work folder has trained since (a critic shipped beside the old base generator is not the
            // critic of a base generator trained here)
            boolean ready = s.files().isEmpty() && !s.models().isEmpty()
                    && s.needs().stream().allMatch(n -> records.get(n) != null && records.get(n).containsKey("args")
                    && Boolean.TRUE.equals(records.get(n).get("adopted")));
            Stage refiner = refinerOf(s);
            if (ready && s.models().stream().allMatch(m -> madeBy(m, s))) {
                record(s, 0);
            } else if (ready && refiner != null && s.models().stream().allMatch(m -> madeBy(m, refiner))) {
                // its models were refined in place after it: what it wrote is gone, the refinement stands for it
                record(s, 0);
                Map<String, Object> rec = records.get(s.name());
                Map<String, String> placeholder = new LinkedHashMap<>();
                s.models().forEach(m -> placeholder.put(m, m + "@refined-by-" + refiner.name()));
                rec.put("refinedTo", rec.get("outputs"));
                rec.put("outputs", placeholder);
            } else {
                continue;
            }
            records.get(s.name()).put("adopted", true);
            adopted.add(s.name());
        }
        AtomicFile.write(stateFile(), out -> out.write(JSON.writeValueAsBytes(records)));
        return adopted;
    }

    private boolean madeBy(String model, Stage s) {
        try {
            String command = store.verify(model).command();
            return command != null && command.startsWith("reflectlab pipeline")
                    && command.endsWith(" (stage " + s.name() + ": " + s.command() + ")");
        } catch (ModelStoreException e) {
            return false;
        }
    }

    /** Runs every stage that is not up to date, one at a time, in order; stops at the first failure. */
    public Result run(Runner runner, Consumer<String> log) throws IOException {
        return run(runner, log, 1);
    }

    /**
     * Runs every stage that is not up to date, up to {@code lanes} at once: a stage starts as soon as
     * every stage it needs has finished (in list order among those ready), so independent branches of
     * the chain share the cores. Whether a stage is up to date is decided when it becomes ready, after
     * its upstream stages ran. After a failure no new stage starts; the running ones finish.
     */
    public Result run(Runner runner, Consumer<String> log, int lanes) throws IOException {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be 1 or more");
        }
        long t0 = System.nanoTime();
        Schedule plan = new Schedule(stages, this::upToDate, log);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "pipeline-lane");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.ExecutorCompletionService<Outcome> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
        int running = 0;
        String failed = null;
        int failCode = 0;
        try {
            while (true) {
                while (failed == null && running < lanes) {
                    Stage next = plan.nextReady();
                    if (next == null) {
                        break;
                    }
                    if (upToDate(next)) {
                        log.accept(plan.head(next) + " up to date, skipped (" + String.join(", ", outputs(next).values()) + ")");
                        plan.skipped(next);
                        continue;
                    }
                    List<String> args = startArgs(next, plan.head(next), log);
                    plan.started(next, lanes);
                    done.submit(() -> runOne(next, args, runner));
                    running++;
                }
                if (running == 0) {
                    break;
                }
                Outcome o = take(done);
                running--;
                String head = plan.head(o.stage());
                if (o.error() != null || o.code() != 0) {
                    log.accept(head + (o.error() != null ? " failed: " + o.error()
                            : " failed (exit code " + o.code() + ") after " + minutes(o.minutes())
                            + "; fix the cause and run the pipeline again: finished stages are skipped"));
                    if (failed == null) {
                        failed = o.stage().name();
                        failCode = o.error() != null ? 1 : o.code();
                    }
                    continue;
                }
                try {
                    for (String model : o.stage().models()) {
                        store.recordMaker(model, label + " (stage " + o.stage().name() + ": " + o.stage().command() + ")");
                    }
                } catch (ModelStoreException e) {
                    log.accept(head + " finished, but its model cannot be read back: " + e.getMessage());
                    failed = failed == null ? o.stage().name() : failed;
                    failCode = failCode == 0 ? 1 : failCode;
                    continue;
                }
                record(o.stage(), o.minutes());
                dropCheckpoint(o.stage());
                plan.finished(o.stage(), o.minutes());
                log.accept(String.format(Locale.ROOT, "%s done in %s", head, minutes(o.minutes())));
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(plan.ran, plan.skippedCount, failed, failCode, (System.nanoTime() - t0) / 6e10);
    }

    /** What one stage's run came to. */
    private record Outcome(Stage stage, int code, String error, double minutes) {
    }

    private static Outcome runOne(Stage s, List<String> args, Runner runner) {
        long start = System.nanoTime();
        try {
            int code = runner.run(args);
            return new Outcome(s, code, null, (System.nanoTime() - start) / 6e10);
        } catch (Exception e) {
            return new Outcome(s, 1, String.valueOf(e.getMessage()), (System.nanoTime() - start) / 6e10);
        }
    }

    private static Outcome take(java.util.concurrent.ExecutorCompletionService<Outcome> done) throws IOException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the pipeline was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** The stage's arguments: resuming its checkpoint, or afresh (remembered as started). */
    private List<String> startArgs(Stage s, String head, Consumer<String> log) throws IOException {
        List<String> args = resumeArgs(s);
        if (args.isEmpty()) {
            args = new ArrayList<>(s.args());
            markStarted(s);
        } else {
            log.accept(head + " resumes its checkpoint: " + String.join(" ", args));
        }
        args.addAll(List.of("--models", store.root().toString()));
        return args;
    }

    /**
     * A stage that saves checkpoints ({@code --checkpoint-every}) and was started with these very
     * arguments and inputs, but did not finish (the session ended, the machine stopped), resumes its
     * checkpoint instead of starting over; empty where it starts afresh.
     */
    private List<String> resumeArgs(Stage s) {
        int every = s.args().indexOf("--checkpoint-every");
        int out = s.args().indexOf("--out");
        Map<String, Object> rec = records.get(s.name());
        if (every < 0 || out < 0 || rec == null || !s.args().equals(rec.get("started"))
                || !inputs(s).equals(rec.get("startedInputs"))) {
            return List.of();
        }
        String name = s.args().get(out + 1);
        String checkpoint = name + "-checkpoint";
        if (!store.exists(checkpoint)) {
            return List.of();
        }
        List<String> args = new ArrayList<>(s.args().subList(0, 2)); // e.g. "train unified"
        args.addAll(List.of("--resume", checkpoint, "--out", name, "--checkpoint-every", s.args().get(every + 1)));
        return args;
    }

    /** A finished stage's checkpoint is of no more use and would sit among the shipped models. */
    private void dropCheckpoint(Stage s) throws IOException {
        int out = s.args().indexOf("--out");
        if (!s.args().contains("--checkpoint-every") || out < 0) {
            return;
        }
        Path dir = store.dir(s.args().get(out + 1) + "-checkpoint");
        if (Files.isDirectory(dir)) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private synchronized void markStarted(Stage s) throws IOException {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("started", s.args());
        rec.put("startedInputs", inputs(s));
        records.put(s.name(), rec);
        AtomicFile.write(stateFile(), out -> out.write(JSON.writeValueAsBytes(records)));
    }

    private synchronized void record(Stage s, double minutes) throws IOException {
        Map<String, Object> before = records.get(s.name());
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("args", s.args());
        // what it ran on, taken as it started: a stage that refines its input in place has changed it since
        rec.put("inputs", before != null && before.get("startedInputs") != null && s.args().equals(before.get("started"))
                ? before.get("startedInputs") : inputs(s));
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

    /** The outputs of every stage this one needs, as those stages wrote them (see {@link #produced}). */
    private Map<String, String> inputs(Stage s) {
        Map<String, String> in = new LinkedHashMap<>();
        for (String need : s.needs()) {
            Map<String, Object> rec = records.get(need);
            if (need.equals(s.refines()) && rec != null && rec.get("outputs") instanceof Map<?, ?> wrote) {
                // a refinement reads what the stage it refines wrote, whatever it left on disk since
                wrote.forEach((k, v) -> in.put(String.valueOf(k), String.valueOf(v)));
                continue;
            }
            stages.stream().filter(t -> t.name().equals(need)).findFirst().ifPresent(t -> in.putAll(produced(t)));
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

    static String fileRef(Path file) {
        try {
            return file.getFileName() + "@" + ModelStore.sha256(file).substring(0, 12);
        } catch (IOException e) {
            return "missing";
        }
    }

    /** A Markdown table of every model's held-out metrics, from their manifests. */
    public String report() {
        return PipelineReport.markdown(stages, records, store);
    }

    static String minutes(double m) {
        if (m < 1) {
            return String.format(Locale.ROOT, "%.0f s", m * 60);
        }
        long total = Math.round(m);
        return total >= 60 ? String.format(Locale.ROOT, "%dh%02dm", total / 60, total % 60) : total + " min";
    }
}
