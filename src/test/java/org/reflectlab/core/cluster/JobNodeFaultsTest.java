package org.reflectlab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cluster faults a job node must report in one line and within a bounded time: a busy port, a
 * malformed seed node, seed nodes where nothing answers, a coordinator killed under its worker.
 */
class JobNodeFaultsTest {

    private static final JobNode.Listener QUIET = new JobNode.Listener() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void finished(String worker, long millis) {
        }
    };

    @Test
    void aBusyPortIsOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            PekkoSetup.Membership m = new PekkoSetup.Membership(true, "127.0.0.1", port, List.of("127.0.0.1:" + port), List.of("coordinator"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> JobNode.start(m, 0, () -> null, "", QUIET));
            assertEquals("port " + port + " on 127.0.0.1 is in use (another node or program listens there); choose another --port",
                    e.getMessage());
        }
    }

    @Test
    void malformedSeedNodesAndHostsAreNamed() {
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class, () -> PekkoSetup.parseSeeds("127.0.0.1"));
        assertEquals("a seed node is host:port (e.g. 10.0.0.5:25520), not '127.0.0.1'", noPort.getMessage());
        IllegalArgumentException badHost = assertThrows(IllegalArgumentException.class, () -> PekkoSetup.parseSeeds("not a host:25520"));
        assertEquals("a seed node is host:port (e.g. 10.0.0.5:25520), not 'not a host:25520': 'not a host' is not a host name or "
                + "address", badHost.getMessage());
        IllegalArgumentException badOwn = assertThrows(IllegalArgumentException.class,
                () -> new PekkoSetup.Membership(true, "not a host", 25520, List.of("127.0.0.1:25520"), List.of()));
        assertEquals("--host 'not a host' is not a host name or address", badOwn.getMessage());
        assertEquals(List.of("10.0.0.5:25520", "[::1]:25520", "node-a.example:1"), PekkoSetup.parseSeeds("10.0.0.5:25520, [::1]:25520,node-a.example:1"));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static PekkoSetup.Membership worker(int seed) throws java.io.IOException {
        return new PekkoSetup.Membership(true, "127.0.0.1", freePort(), List.of("127.0.0.1:" + seed), List.of(JobNode.ROLE));
    }

    @Test
    void aWorkerWhoseSeedNodesAreDeadKnowsWithinItsTimeout() throws Exception {
        try (JobNode node = JobNode.start(worker(freePort()), 1, () -> null, "", QUIET)) {
            long t0 = System.nanoTime();
            assertTrue(!node.awaitJoined(java.time.Duration.ofSeconds(2)));
            assertTrue(System.nanoTime() - t0 < 10e9);
        }
    }

    @Test
    void aWorkerWhoseCoordinatorIsKilledSaysSoWithinABoundedTime() throws Exception {
        int port = freePort();
        Process coordinator = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CoordinatorProcess.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try (JobNode node = JobNode.start(worker(port), 1, () -> null, "", QUIET)) {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(coordinator.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.equals("up"); line = out.readLine()) {
                // Pekko's start-up lines
            }
            assertTrue(node.awaitJoined(java.time.Duration.ofSeconds(60)), "the worker joins the coordinator's cluster");
            long seen = System.nanoTime() + 30_000_000_000L;
            while (node.coordinator() == null && System.nanoTime() < seen) {
                assertEquals(null, node.lostCoordinator(java.time.Duration.ofSeconds(2)));
                Thread.sleep(100);
            }
            assertEquals("127.0.0.1:" + port, node.coordinator());

            new ProcessBuilder("kill", "-9", Long.toString(coordinator.pid())).start().waitFor();
            long t0 = System.nanoTime();
            String lost = null;
            while (lost == null && System.nanoTime() - t0 < 60e9) {
                Thread.sleep(200);
                lost = node.lostCoordinator(java.time.Duration.ofSeconds(2));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(lost != null && lost.contains("coordinator at 127.0.0.1:" + port), "after " + seconds + " s: " + lost);
            assertTrue(seconds < 30, "said within " + seconds + " s");
        } finally {
            coordinator.destroyForcibly();
        }
    }
}
