package org.reflectlab.core.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.cluster.JobBoard;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.reflect.TinyModels;

/**
 * The sweep on a loopback Pekko cluster in one JVM: a coordinator node without workers and two
 * worker nodes, each with its own copy of the tiny models. The rows must be exactly a local run's
 * (every field but the time), also when a worker node leaves mid-sweep.
 */
class ClusterSweepTest {

    private static final SweepSettings SETTINGS = new SweepSettings(List.of(Method.BEST_OF_N, Method.REFLECT, Method.REFLECT_PICK,
            Method.TEST_TIME_TRAINING), List.of(1, 2, 3), 2, 4, 2, 2.0, 2);
    private static final JobNode.Listener QUIET = new JobNode.Listener() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void finished(String worker, long millis) {
        }
    };

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    /** Sees the red circle or a blue one depending on the pixels: the verdicts follow the images made. */
    static SceneReader byPixels() {
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                List<List<SceneObject>> out = new ArrayList<>();
                for (RgbImage im : images) {
                    out.add((java.util.Arrays.hashCode(im.data()) & 2) == 0 ? TinyModels.RED_CIRCLE : TinyModels.BLUE_CIRCLE);
                }
                return out;
            }

            @Override
            public long forwardFlops() {
                return 1000;
            }
        };
    }

    /** A fresh copy of the tiny models (the same weights every time). */
    static Reflector copy() {
        UnifiedModel u = TinyModels.unified();
        Generator g = TinyModels.generator(u);
        return TinyModels.reflector(u, g, byPixels(), byPixels());
    }

    static List<PromptSet.Prompt> prompts() {
        return PromptSet.generate(3, 2).prompts().subList(0, 8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static PekkoSetup.Membership member(int port, int seed, boolean worker) {
        return new PekkoSetup.Membership(true, "127.0.0.1", port, List.of("127.0.0.1:" + seed),
                worker ? List.of(JobNode.ROLE) : List.of("coordinator"));
    }

    static JobNode worker(int seed, String fingerprint) throws IOException {
        return JobNode.start(member(freePort(), seed, true), 1, () -> SweepJobs.handler(copy()), fingerprint, QUIET);
    }

    /** A worker node that waits this long before each job: a slow machine, still busy when it is stopped. */
    static JobNode slowWorker(int seed, long millis) throws IOException {
        return JobNode.start(member(freePort(), seed, true), 1, () -> {
            org.reflectlab.core.cluster.JobHandler h = SweepJobs.handler(copy());
            return (kind, body, cancelled) -> {
                long end = System.nanoTime() + millis * 1_000_000;
                while (System.nanoTime() < end && !cancelled.getAsBoolean()) {
                    Thread.sleep(20);
                }
                return h.run(kind, body, cancelled);
            };
        }, "", QUIET);
    }

    /** Every field but the time, sorted. */
    static List<String> comparable(List<SweepRow> rows) {
        return rows.stream().map(r -> new SweepRow(r.promptId(), r.category(), r.prompt(), r.method(), r.k(), r.seed(), r.nfe(),
                r.score(), r.critic(), r.images(), 0).toCsv()).sorted().toList();
    }

    static List<String> local(Path dir) throws IOException {
        try (SweepStore store = SweepStore.open(dir.resolve("local"), SETTINGS, Map.of())) {
            new Sweep(copy()).run(store, prompts(), (a, b, m) -> { }, () -> false);
            return comparable(store.rows());
        }
    }

    /** Lines in results.csv besides the header: each row once, none twice. */
    static long lines(SweepStore store) throws IOException {
        return Files.readAllLines(store.dir().resolve(SweepStore.RESULTS)).stream().filter(l -> !l.isBlank()).count() - 1;
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void twoWorkerNodesStoreExactlyTheLocalRows(@TempDir Path dir) throws Exception {
        List<String> expected = local(dir);
        assertEquals(8 * 4 * 3, expected.size());
        int pa = freePort();
        try (JobNode a = JobNode.start(member(pa, pa, false), 0, () -> null, "", QUIET);
             JobNode b = worker(pa, "");
             JobNode c = worker(pa, "");
             SweepStore store = SweepStore.open(dir.resolve("cluster"), SETTINGS, Map.of())) {
            assertTrue(a.awaitWorkers(2, Duration.ofSeconds(15)), "the coordinator sees both worker nodes");
            int written = new Sweep(a, "").run(store, prompts(), (x, y, m) -> { }, () -> false);
            assertEquals(expected.size(), written);
            assertEquals(expected, comparable(store.rows()));
            assertEquals(expected.size(), lines(store), "no row stored twice");
            List<JobBoard.NodeView> nodes = a.board().nodes();
            assertEquals(2, nodes.size(), nodes.toString());
            assertTrue(nodes.stream().allMatch(n -> n.done() > 0), "both nodes ran jobs: " + nodes);
            assertEquals(8, nodes.stream().mapToLong(JobBoard.NodeView::done).sum());
            assertEquals(b.finishedHere() + c.finishedHere(), 8);
        }
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aWorkerNodeStoppingMidSweepLosesNothingAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        List<String> expected = local(dir);
        int pa = freePort();
        try (JobNode a = JobNode.start(member(pa, pa, false), 0, () -> null, "", QUIET);
             JobNode c = worker(pa, "");
             SweepStore store = SweepStore.open(dir.resolve("cluster"), SETTINGS, Map.of())) {
            JobNode b = slowWorker(pa, 3000);
            assertTrue(a.awaitWorkers(2, Duration.ofSeconds(15)));
            String bNode = b.address();
            boolean[] killed = {false};
            int written = new Sweep(a, "").run(store, prompts(), (x, y, m) -> {
                // once a job is done, stop B while it holds a job of its own
                boolean bBusy = a.board().workers().stream().anyMatch(w -> w.node().equals(bNode) && w.state() == JobBoard.State.BUSY);
                if (!killed[0] && bBusy) {
                    killed[0] = true;
                    new Thread(b::close).start();
                }
            }, () -> false);
            assertTrue(killed[0], "B was stopped mid-job");
            assertTrue(a.board().requeued() >= 1, "B's job was queued again");
            assertTrue(a.board().nodes().stream().anyMatch(n -> n.node().equals(bNode) && n.gone()), a.board().summary());
            assertEquals(expected, comparable(store.rows()));
            assertEquals(expected.size(), lines(store), "no row stored twice");
            assertTrue(written >= expected.size());
            b.close();
        }
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aWorkerWithOtherModelsRefusesWithAClearMessage(@TempDir Path dir) throws Exception {
        int pa = freePort();
        List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobNode.Listener listen = new JobNode.Listener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }

            @Override
            public void finished(String worker, long millis) {
            }
        };
        try (JobNode a = JobNode.start(member(pa, pa, false), 0, () -> null, "", QUIET);
             JobNode b = JobNode.start(member(freePort(), pa, true), 1, () -> SweepJobs.handler(copy()),
                     "critic=1111\ngenerator=2222\n", listen);
             SweepStore store = SweepStore.open(dir.resolve("refused"), SETTINGS, Map.of())) {
            assertTrue(a.awaitWorkers(1, Duration.ofSeconds(15)));
            IOException e = assertThrows(IOException.class, () -> new Sweep(a, "critic=1111\ngenerator=3333\n")
                    .run(store, prompts().subList(0, 1), (x, y, m) -> { }, () -> false));
            assertTrue(e.getMessage().contains("models differ") && e.getMessage().contains("generator: coordinator 3333, this machine 2222"),
                    e.getMessage());
            assertEquals(1, notices.size(), notices.toString());
            assertEquals(0, store.rows().size());
            // the refusal reaches the board by its own message, which can trail the sweep's failure on a loaded machine
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (a.board().workers().get(0).state() != JobBoard.State.REFUSED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(JobBoard.State.REFUSED, a.board().workers().get(0).state());
        }
    }
}
