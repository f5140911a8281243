package org.reflectlab.core.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.reflectlab.core.cluster.JobHandler;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.JobRun;
import org.reflectlab.core.cluster.JobSpec;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.scaling.Sweep;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.scaling.SweepStore;

/**
 * How sweep jobs fare on one node and on two loopback nodes: jobs per second, the messaging
 * overhead per job (round trip minus the handler's own time), and whether any row was lost or
 * stored twice. On one machine two nodes share the same cores, so no speed-up is expected.
 */
public final class SweepBench {

    /** One setup's figures; {@code lost} and {@code duplicated} count rows against the expected set. */
    public record Result(String setup, int jobs, double seconds, double overheadMillis, int rows, int lost, int duplicated,
                         boolean identical) {

        public double jobsPerSecond() {
            return jobs / seconds;
        }
    }

    private static final JobNode.Listener QUIET = new JobNode.Listener() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void finished(String worker, long millis) {
        }
    };

    private SweepBench() {
    }

    /** Empty jobs (the body comes back as the result): the job machinery alone; two workers either way. */
    public static Result empty(int jobs, boolean twoNodes) throws Exception {
        JobHandler.Factory echo = () -> (kind, body, cancelled) -> body;
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            specs.add(new JobSpec("echo", "job " + i, new byte[256]));
        }
        try (Nodes nodes = new Nodes(twoNodes, twoNodes ? 1 : 2, echo)) {
            long t0 = System.nanoTime();
            JobRun run = nodes.coordinator.submit(specs, "");
            double overhead = 0;
            int got = 0;
            while (!run.finished()) {
                JobRun.Outcome o = run.next(10, TimeUnit.SECONDS);
                if (o == null) {
                    throw new IOException("no job finished within 10 s");
                }
                overhead += o.roundTripMillis() - o.runMillis();
                got += o.result() != null ? 1 : 0;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Result(nodes.label() + ", 2 workers in all", jobs, secs, overhead / jobs, got, jobs - got, 0, got == jobs);
        }
    }

    /**
     * A real sweep; {@code reference} (sorted rows without time, from {@link #comparable}) is what
     * must come out, or null to take this run as the reference.
     */
    public static Result sweep(JobHandler.Factory handlers, boolean twoNodes, int workersPerNode, SweepSettings s,
                               List<PromptSet.Prompt> prompts, Path dir, List<String> reference) throws Exception {
        try (Nodes nodes = new Nodes(twoNodes, workersPerNode, handlers);
             SweepStore store = SweepStore.open(dir, s, Map.of())) {
            long t0 = System.nanoTime();
            new Sweep(nodes.coordinator, "").run(store, prompts, (a, b, m) -> { }, () -> false);
            double secs = (System.nanoTime() - t0) / 1e9;
            List<SweepRow> rows = store.rows();
            List<String> got = comparable(rows);
            long lines = Files.readAllLines(store.dir().resolve(SweepStore.RESULTS)).stream().filter(l -> !l.isBlank()).count() - 1;
            List<String> want = reference == null ? got : reference;
            Set<String> missing = new HashSet<>(want);
            got.forEach(missing::remove);
            int jobs = prompts.size();
            return new Result(nodes.label() + ", " + workersPerNode + (workersPerNode == 1 ? " worker" : " workers") + " per node",
                    jobs, secs, Double.NaN, rows.size(), missing.size(), (int) (lines - rows.size()), got.equals(want));
        }
    }

    /** Rows as CSV with the time column zeroed, sorted: what two runs of one sweep must share. */
    public static List<String> comparable(List<SweepRow> rows) {
        return rows.stream().map(r -> new SweepRow(r.promptId(), r.category(), r.prompt(), r.method(), r.k(), r.seed(), r.nfe(),
                r.score(), r.critic(), r.images(), 0).toCsv()).sorted().toList();
    }

    /** One embedded node, or a coordinator node plus a worker node on loopback, each with its workers. */
    private static final class Nodes implements AutoCloseable {
        final JobNode coordinator;
        final JobNode other;
        final int workers;

        Nodes(boolean two, int workers, JobHandler.Factory handlers) throws IOException {
            this.workers = workers;
            if (!two) {
                coordinator = JobNode.local(workers, handlers);
                other = null;
                return;
            }
            int pa = freePort();
            coordinator = JobNode.start(new PekkoSetup.Membership(true, "127.0.0.1", pa, List.of("127.0.0.1:" + pa),
                    List.of(JobNode.ROLE)), workers, handlers, "", QUIET);
            other = JobNode.start(new PekkoSetup.Membership(true, "127.0.0.1", freePort(), List.of("127.0.0.1:" + pa),
                    List.of(JobNode.ROLE)), workers, handlers, "", QUIET);
            if (!coordinator.awaitWorkers(2 * workers, Duration.ofSeconds(20))) {
                close();
                throw new IOException("the second node did not join within 20 s");
            }
        }

        String label() {
            return other == null ? "1 node" : "2 loopback nodes";
        }

        @Override
        public void close() {
            if (other != null) {
                other.close();
            }
            coordinator.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
