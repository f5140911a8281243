package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep and worker with cluster faults: one plain line each, a bounded wait, and the exit code that says which. */
class ClusterCliTest {

    private final CliRun cli = new CliRun();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aWorkerWhereNothingAnswersSaysSoAndExits1() throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        assertEquals(Cli.FAILED, cli.run("worker", "--seed-nodes", "127.0.0.1:" + port, "--join-timeout", "2", "--workers", "1"),
                cli.both());
        assertTrue(cli.err().contains("error: no coordinator at 127.0.0.1:" + port + " after 2 s"), cli.both());
        assertTrue(System.nanoTime() - t0 < 60e9, "a bounded wait");
    }

    @Test
    void malformedSeedNodesAndHostsAreOneLineAndBadInput() {
        assertEquals(Cli.BAD_INPUT, cli.run("worker", "--seed-nodes", "127.0.0.1"), cli.both());
        assertTrue(cli.err().contains("error: a seed node is host:port (e.g. 10.0.0.5:25520), not '127.0.0.1'"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("worker", "--seed-nodes", "not a host:25520"), cli.both());
        assertTrue(cli.err().contains("'not a host' is not a host name or address"), cli.both());
        assertEquals(Cli.BAD_INPUT, cli.run("sweep", "--cluster", "--host", "not a host", "--quick"), cli.both());
        assertTrue(cli.err().contains("error: --host 'not a host' is not a host name or address"), cli.both());
        assertTrue(!cli.both().contains("Exception") && !cli.both().contains("internal error"), cli.both());
    }

    @Test
    void aBusyClusterPortIsOneLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals(Cli.FAILED, cli.run("sweep", "--cluster", "--port", Integer.toString(port), "--methods", "bon", "--k", "1",
                    "--per-category", "1", "--sweeps", dir.toString()), cli.both());
            assertEquals("error: port " + port + " on 127.0.0.1 is in use (another node or program listens there); choose another "
                    + "--port\n", cli.err(), cli.both());
        }
    }
}
