package org.reflectlab.core.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * A node that runs jobs: an embedded Pekko actor system with a coordinator and this node's
 * workers (each with its own thread and model copy). Alone by default (nothing to set up, nothing
 * on the network); clustered when the membership says so, and then every node with the
 * {@value #ROLE} role lends its workers to the coordinators of the cluster.
 */
public final class JobNode implements AutoCloseable {

    /** The cluster role of nodes that host job workers. */
    public static final String ROLE = "sweep";
    /** The cluster role of nodes that hand out jobs (a running sweep or pool). */
    public static final String COORDINATOR_ROLE = "coordinator";

    /** What a node reports: its refusals and each job it finished. */
    public interface Listener extends JobWorker.Events {
    }

    private static final Listener QUIET = new Listener() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void finished(String worker, long millis) {
        }
    };

    private final ActorSystem<Void> system;
    private final ActorRef<JobCoordinator.Command> coordinator;
    private final JobBoard board;
    private final String address;
    private final int localWorkers;
    private final AtomicLong finishedHere;
    private long coordinatorSeen = System.nanoTime();
    private String lastCoordinator;

    private JobNode(ActorSystem<Void> system, ActorRef<JobCoordinator.Command> coordinator, JobBoard board, String address,
                    int localWorkers, AtomicLong finishedHere) {
        this.system = system;
        this.coordinator = coordinator;
        this.board = board;
        this.address = address;
        this.localWorkers = localWorkers;
        this.finishedHere = finishedHere;
    }

    /** One embedded node with {@code workers} workers: how everything runs without a cluster. */
    public static JobNode local(int workers, JobHandler.Factory handlers) {
        return start(PekkoSetup.Membership.local(List.of(ROLE)), workers, handlers, "", QUIET);
    }

    /**
     * Starts a node with {@code workers} workers (0 = coordinator only), each making its handler
     * with {@code handlers} on its own thread. {@code fingerprint} is this node's model checksums
     * (see {@link JobWorker#fingerprint}): its workers refuse coordinators whose fingerprint differs.
     * Waits (up to 30 s) until the coordinator sees this node's own workers.
     */
    public static JobNode start(PekkoSetup.Membership m, int workers, JobHandler.Factory handlers, String fingerprint,
                                Listener listener) {
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("workers must be 0 to 64, not " + workers);
        }
        PekkoSetup.checkCanListen(m);
        JobBoard board = new JobBoard();
        CompletableFuture<ActorRef<JobCoordinator.Command>> coordinator = new CompletableFuture<>();
        AtomicLong finished = new AtomicLong();
        JobWorker.Events events = new JobWorker.Events() {
            @Override
            public void notice(String message) {
                listener.notice(message);
            }

            @Override
            public void finished(String worker, long millis) {
                finished.incrementAndGet();
                listener.finished(worker, millis);
            }
        };
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            String here = m.cluster() ? PekkoSetup.hostPort(ctx.getSystem().address()) : "this node";
            coordinator.complete(ctx.spawn(JobCoordinator.create(board, here), "job-coordinator"));
            for (int i = 1; i <= workers; i++) {
                ctx.spawn(JobWorker.create("job-worker-" + i, handlers, fingerprint, events), "job-worker-" + i);
            }
            return Behaviors.empty();
        }), PekkoSetup.SYSTEM, PekkoSetup.config(m, Map.of(), List.of(JobSerializer.binding())));
        JobNode node;
        try {
            String address = m.cluster() ? PekkoSetup.hostPort(system.address()) : "local";
            node = new JobNode(system, coordinator.get(15, TimeUnit.SECONDS), board, address, workers, finished);
        } catch (Exception e) {
            system.terminate();
            throw new IllegalStateException("the job node did not start: " + e.getMessage(), e);
        }
        if (!node.awaitWorkers(workers, Duration.ofSeconds(30))) {
            node.close();
            throw new IllegalStateException("the job node's workers did not come up within 30 s");
        }
        return node;
    }

    /** Queues jobs with this node's coordinator; {@code requirement} is the fingerprint workers must have ("" = none). */
    public JobRun submit(List<JobSpec> jobs, String requirement) {
        JobRun[] self = new JobRun[1];
        JobRun run = new JobRun(jobs, requirement, () -> coordinator.tell(new JobCoordinator.CancelRun(self[0])));
        self[0] = run;
        coordinator.tell(new JobCoordinator.Submit(run));
        return run;
    }

    /** What this node's coordinator knows of the workers: per node done / running, and the queue. */
    public JobBoard board() {
        return board;
    }

    /** host:port of this node in its cluster, or "local". */
    public String address() {
        return address;
    }

    public int localWorkers() {
        return localWorkers;
    }

    /** Jobs this node's own workers have finished (for any coordinator). */
    public long finishedHere() {
        return finishedHere.get();
    }

    /** Waits until this node's coordinator knows at least n usable workers (anywhere). */
    public boolean awaitWorkers(int n, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (board.usableWorkers() < n) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until this node is an up member of its cluster, i.e. a seed node answered; false if
     * none did within the time. A node without a cluster is joined at once.
     */
    public boolean awaitJoined(Duration within) {
        if (address.equals("local")) {
            return true;
        }
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (Cluster.get(system).selfMember().status() == MemberStatus.up()) {
                coordinatorSeen = System.nanoTime();
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** host:port of the last coordinator this node saw in its cluster, or null before it saw one. */
    public synchronized String coordinator() {
        return lastCoordinator;
    }

    /**
     * Null while this node's cluster has a reachable coordinator (a node with the
     * {@value #COORDINATOR_ROLE} role), or had one less than {@code grace} ago; otherwise why this
     * node has no one to work for: it was removed from the cluster (the split-brain resolver downs
     * the side that lost its coordinator), or the coordinator left or became unreachable. Such a
     * node would otherwise wait forever, since a restarted coordinator founds a new cluster.
     */
    public synchronized String lostCoordinator(Duration grace) {
        if (system.getWhenTerminated().toCompletableFuture().isDone()) {
            return "this node was removed from the cluster" + (lastCoordinator == null ? "" : " (its coordinator at "
                    + lastCoordinator + " became unreachable)");
        }
        Cluster cluster = Cluster.get(system);
        MemberStatus self = cluster.selfMember().status();
        if (self == MemberStatus.down() || self == MemberStatus.removed() || self == MemberStatus.exiting()) {
            return "this node was removed from the cluster" + (lastCoordinator == null ? "" : " (its coordinator at "
                    + lastCoordinator + " became unreachable)");
        }
        java.util.Set<Member> unreachable = cluster.state().getUnreachable();
        for (Member m : cluster.state().getMembers()) {
            if (m.hasRole(COORDINATOR_ROLE) && m.status() == MemberStatus.up() && !unreachable.contains(m)) {
                lastCoordinator = PekkoSetup.hostPort(m.address());
                coordinatorSeen = System.nanoTime();
                return null;
            }
        }
        long gone = (System.nanoTime() - coordinatorSeen) / 1_000_000_000L;
        if (gone < grace.toSeconds()) {
            return null;
        }
        return lastCoordinator == null ? "no coordinator joined the cluster within " + gone + " s"
                : "the coordinator at " + lastCoordinator + " left or became unreachable " + gone + " s ago";
    }

    /** Leaves the cluster (if any) and stops; jobs this node's workers hold are re-run elsewhere. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the node is going away either way; nothing to keep
        }
    }
}
