package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.PekkoSetup;
import org.reflectlab.core.concurrent.WorkerLimit;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.scaling.SweepInputs;
import org.reflectlab.core.scaling.SweepJobs;
import org.reflectlab.core.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Lend this machine's cores to sweeps and sample pools run elsewhere: joins a Pekko cluster through",
            "--seed-nodes (a coordinator started with 'sweep --cluster' or 'pool --cluster') and runs the jobs its workers pull.",
            "Needs its own copy of the models; a coordinator whose models' SHA-256 differ is refused with a message.",
            "Runs until Ctrl+C (or --for seconds)."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed-nodes", split = ",", required = true, description = "host:port of cluster nodes to join through.")
    List<String> seeds;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address this node listens on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "0", description = "Port this node listens on (default: ${DEFAULT-VALUE} = any free port).")
    int port;
    @Option(names = "--roles", split = ",", defaultValue = "sweep", description = "Cluster roles; workers run only with 'sweep' (default: ${DEFAULT-VALUE}).")
    List<String> roles;
    @Option(names = "--workers", description = "Workers, each with its own copy of the models (default and most: one per core).")
    Integer workers;
    @Option(names = "--for", defaultValue = "0", description = "Seconds to run, 0 = until Ctrl+C (default: ${DEFAULT-VALUE}).")
    long forSeconds;
    @Option(names = "--join-timeout", defaultValue = "30", description = "Seconds to wait for the seed nodes to answer before giving "
            + "up with exit code 1 (default: ${DEFAULT-VALUE}).")
    long joinTimeout;
    @Option(names = "--rejoin", description = "When the coordinator is lost (it stopped, crashed or was cut off), leave and join "
            + "through --seed-nodes again, waiting for a coordinator, instead of exiting with code 1.")
    boolean rejoin;
    @Option(names = "--stats-every", defaultValue = "30", description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    long statsEvery;
    @Mixin
    ModelsFolder models;

    /** How long a worker goes without a reachable coordinator before it says so (and exits, or rejoins). */
    static final java.time.Duration COORDINATOR_GRACE = java.time.Duration.ofSeconds(
            Long.getLong("reflectlab.worker.coordinatorGraceSeconds", 20));

    /**
     * Starts a node and waits until the seed nodes answer: null after printing "no coordinator at
     * host:port after N s" (without --rejoin), or when Ctrl+C came while waiting.
     */
    private JobNode join(PekkoSetup.Membership m, int n, ModelStore store, String fingerprint, PrintWriter err, CountDownLatch stop) {
        while (stop.getCount() > 0) {
            JobNode node = JobNode.start(m, n, () -> SweepJobs.handler(ReflectModels.load(store)), fingerprint, printing(err));
            if (node.awaitJoined(java.time.Duration.ofSeconds(joinTimeout))) {
                return node;
            }
            node.close();
            String where = String.join(", ", m.seedNodes());
            if (!rejoin) {
                err.println("error: no coordinator at " + where + " after " + joinTimeout + " s (nothing answered there: is "
                        + "'reflectlab sweep --cluster' or 'pool --cluster' running, and is its port reachable?)");
                return null;
            }
            err.println("warning: no coordinator at " + where + " after " + joinTimeout + " s; trying again");
            err.flush();
        }
        return null;
    }

    /** Prints a node's refusals as warnings. */
    static JobNode.Listener printing(PrintWriter err) {
        return new JobNode.Listener() {
            @Override
            public void notice(String message) {
                err.println("warning: " + message);
                err.flush();
            }

            @Override
            public void finished(String worker, long millis) {
            }
        };
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PekkoSetup.Membership m;
        int n;
        try {
            m = new PekkoSetup.Membership(true, host, port, PekkoSetup.parseSeeds(String.join(",", seeds)), roles);
            WorkerLimit limit = WorkerLimit.forThisMachine(workers);
            if (limit.note() != null) {
                err.println("warning: " + limit.note());
            }
            n = roles.contains(JobNode.ROLE) ? limit.workers() : 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (n == 0) {
            err.println("warning: without the '" + JobNode.ROLE + "' role this node runs no jobs");
        }
        if (joinTimeout < 1) {
            err.println("error: --join-timeout must be at least 1 second");
            return Cli.BAD_INPUT;
        }
        Backend.start();
        ModelStore store = models.store();
        String fingerprint = SweepInputs.fingerprint(store); // verifies every model's checksum now, not at the first job
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "reflectlab-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        JobNode node = null;
        try {
            node = join(m, n, store, fingerprint, err, stop);
            if (node == null) {
                return stop.getCount() == 0 ? 0 : Cli.FAILED;
            }
            o.printf(Locale.ROOT, "# worker node %s: %d workers, roles %s, models in %s (%s)%n", node.address(), n, roles, store.root(),
                    fingerprint.replace("\n", " ").trim());
            o.flush();
            long t0 = System.nanoTime();
            long end = forSeconds > 0 ? t0 + forSeconds * 1_000_000_000L : Long.MAX_VALUE;
            long last = -1;
            long nextStats = System.nanoTime() + Math.max(1, statsEvery) * 1_000_000_000L;
            long before = 0;
            while (System.nanoTime() < end && !stop.await(1, TimeUnit.SECONDS)) {
                String lost = node.lostCoordinator(COORDINATOR_GRACE);
                if (lost != null) {
                    if (!rejoin) {
                        err.println("error: " + lost + "; this worker stops (exit code 1). Start it again once a coordinator "
                                + "runs, or run it with --rejoin to wait for one.");
                        return Cli.FAILED;
                    }
                    err.println("warning: " + lost + "; leaving and joining through " + String.join(",", m.seedNodes()) + " again");
                    err.flush();
                    before += node.finishedHere();
                    node.close();
                    node = join(m, n, store, fingerprint, err, stop);
                    if (node == null) {
                        return 0; // stopped while waiting
                    }
                }
                if (System.nanoTime() >= nextStats) {
                    nextStats += Math.max(1, statsEvery) * 1_000_000_000L;
                    if (before + node.finishedHere() != last) {
                        last = before + node.finishedHere();
                        o.printf(Locale.ROOT, "# %.0f s: %d jobs run here%n", (System.nanoTime() - t0) / 1e9, last);
                        o.flush();
                    }
                }
            }
            o.printf(Locale.ROOT, "# leaving the cluster after %d jobs; a job in hand is re-run by another worker%n",
                    before + node.finishedHere());
        } finally {
            if (node != null) {
                node.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the loop above saw it
            }
        }
        return 0;
    }
}
