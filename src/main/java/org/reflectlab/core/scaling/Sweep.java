package org.reflectlab.core.scaling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.cluster.JobBoard;
import org.reflectlab.core.cluster.JobHandler;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.JobRun;
import org.reflectlab.core.cluster.JobSpec;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.text.Phrase;

/**
 * Runs methods x K x prompts and appends every scored image to a {@link SweepStore}; prompts
 * already stored are skipped, so a cancelled or crashed sweep resumes where it stopped.
 *
 * <p>Each prompt (with the methods it still needs) is one job ({@link SweepJobs}) for a
 * {@link JobNode}: an embedded node with one worker per reflector, or a node of a Pekko cluster
 * whose workers are anywhere. Workers pull jobs; this side appends each finished job's rows.
 * Every prompt's seed comes from its place in the list, so the rows are the same whatever the
 * number of workers or nodes; only the order they are stored in differs.
 *
 * <p>How each method's answers at every K come from as few runs as possible: {@link MethodRunner}.
 */
public final class Sweep {

    /**
     * Progress in images drawn, out of the most the remaining work can draw. The total shrinks as
     * finished prompts show what early stop saved (a reflection the critic accepted at iteration 3
     * of 20 drew 3 images, not 20), so done reaches total when the sweep ends.
     */
    public interface Listener {
        void progress(long imagesDone, long imagesTotal, Phrase message);
    }

    private final List<Reflector> reflectors;
    private final JobNode node;
    private final String requirement;
    private volatile JobBoard board;

    public Sweep(Reflector reflector) {
        this(List.of(reflector));
    }

    /** Runs on an embedded node with one worker per reflector (each a separate copy of the models). */
    public Sweep(List<Reflector> reflectors) {
        if (reflectors.isEmpty()) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.reflectors = List.copyOf(reflectors);
        this.node = null;
        this.requirement = "";
    }

    /**
     * Runs on a started node (e.g. one in a cluster); {@code requirement} is the coordinator's
     * model fingerprint, which every worker must share (see {@link SweepInputs#fingerprint}).
     */
    public Sweep(JobNode node, String requirement) {
        this.reflectors = List.of();
        this.node = node;
        this.requirement = requirement;
    }

    /** Runs what is not yet stored; returns the number of rows written now. */
    public int run(SweepStore store, List<PromptSet.Prompt> prompts, Listener listener, BooleanSupplier cancelled)
            throws IOException {
        if (node != null) {
            return run(node, store, prompts, listener, cancelled);
        }
        AtomicInteger next = new AtomicInteger();
        // in this process a job also hears the caller's cancel directly: Stop takes effect mid-method, as it always did
        JobHandler.Factory handlers = () -> {
            JobHandler h = SweepJobs.handler(reflectors.get(next.getAndIncrement()));
            return (kind, body, stop) -> h.run(kind, body, () -> stop.getAsBoolean() || cancelled.getAsBoolean());
        };
        try (JobNode local = JobNode.local(reflectors.size(), handlers)) {
            return run(local, store, prompts, listener, cancelled);
        }
    }

    /** Jobs done / running per node and queued, of the node running this sweep (null before it starts). */
    public JobBoard board() {
        return board;
    }

    private int run(JobNode on, SweepStore store, List<PromptSet.Prompt> prompts, Listener listener, BooleanSupplier cancelled)
            throws IOException {
        board = on.board();
        SweepSettings s = store.settings();
        Set<String> done = doneKeys(store.rows(), s);
        long total = 0;
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            PromptSet.Prompt p = prompts.get(i);
            List<Method> todo = s.methods().stream().filter(m -> !done.contains(p.id() + "|" + m.id())).toList();
            if (!todo.isEmpty()) {
                jobs.add(SweepJobs.job(p, PromptSet.entrySeed(s.seed(), i), todo, s));
                total += imagesAtMost(todo, s);
            }
        }
        if (jobs.isEmpty()) {
            return 0;
        }
        JobRun run = on.submit(jobs, requirement);
        long[] images = {0};
        long[] all = {total};
        int[] written = {0};
        listener.progress(0, total, new Phrase("scaling.progress.queued", jobs.size(), on.board().said()));
        run.drain(cancelled, o -> {
            Map<Method, List<SweepRow>> byMethod = new LinkedHashMap<>();
            SweepJobs.rows(o.result()).forEach(r -> byMethod.computeIfAbsent(r.method(), m -> new ArrayList<>()).add(r));
            boolean reflectionCounted = false;
            for (Map.Entry<Method, List<SweepRow>> e : byMethod.entrySet()) {
                written[0] += store.append(e.getValue());
                boolean sharedRun = e.getKey().isReflection() && reflectionCounted;
                reflectionCounted |= e.getKey().isReflection();
                long drawn = sharedRun ? 0 : drawn(e.getKey(), e.getValue());
                images[0] += drawn;
                all[0] -= (sharedRun ? 0 : imagesFor(e.getKey(), s)) - drawn;
                listener.progress(images[0], all[0], new Phrase("scaling.progress.finished", e.getKey(), e.getValue().get(0).prompt(),
                        o.worker(), on.board().said()));
            }
        });
        return written[0];
    }

    /** Prompts whose every K is stored for a method, as "promptId|method". */
    static Set<String> doneKeys(List<SweepRow> rows, SweepSettings s) {
        java.util.Map<String, Set<Integer>> ks = new java.util.HashMap<>();
        for (SweepRow r : rows) {
            ks.computeIfAbsent(r.promptId() + "|" + r.method().id(), x -> new HashSet<>()).add(r.k());
        }
        Set<String> done = new HashSet<>();
        ks.forEach((key, have) -> {
            if (have.containsAll(s.ks())) {
                done.add(key);
            }
        });
        return done;
    }

    /** The most images one prompt's methods can draw: reflection's two answer rules read one run. */
    static long imagesAtMost(List<Method> methods, SweepSettings s) {
        long sum = methods.stream().mapToLong(m -> imagesFor(m, s)).sum();
        return methods.stream().filter(Method::isReflection).count() > 1 ? sum - s.maxK() : sum;
    }

    /** Images a method drew for one prompt, from its rows (one per K, each counting the images up to its answer). */
    static long drawn(Method m, List<SweepRow> rows) {
        return m == Method.TEST_TIME_TRAINING ? rows.stream().mapToLong(SweepRow::images).sum()
                : rows.stream().mapToLong(SweepRow::images).max().orElse(0);
    }

    static long imagesFor(Method m, SweepSettings s) {
        return m == Method.TEST_TIME_TRAINING ? s.ks().stream().mapToLong(Integer::longValue).sum() : s.maxK();
    }
}
