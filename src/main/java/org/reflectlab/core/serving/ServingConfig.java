package org.reflectlab.core.serving;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a serving node runs. Local by default: every modality's workers in this process, no
 * network. With {@code cluster} set the node joins a Pekko cluster through the seed nodes and hosts
 * workers only for its roles; routes find workers anywhere in the cluster through the receptionist.
 *
 * @param workersPerModality workers (each with its own model copy) per hosted modality
 * @param queueCapacity requests a worker may hold at once; beyond that, requests are rejected at once
 * @param timeout the budget of a request without its own and whose route has no deadline of its own
 * @param admission what is admitted and how workers batch it
 */
public record ServingConfig(Set<Modality> roles, int workersPerModality, int queueCapacity, Duration timeout,
                            Restarts restarts, boolean cluster, String host, int port, List<String> seedNodes,
                            Admission admission) {

    /**
     * Admission control and dynamic batching, after Triton's dynamic batcher and queue policy: a
     * request is admitted only if the router predicts it can finish within its deadline (queued jobs
     * at each worker x the worker's measured time per job, over {@code headroom} of the budget);
     * otherwise it is refused at once with a retry hint instead of queued to expire. At most
     * {@code routeQueue} requests of one route are in the node at once. A worker runs what has queued
     * as one batch of at most {@code maxBatch}, waiting up to {@code maxQueueDelay} for a batch to fill.
     *
     * @param deadlines default deadline per route ("text->audio"); routes not named use the config's timeout
     * @param predict false = admit whatever fits the queues (the old behaviour, for comparison)
     * @param computeThreads how many of the node's workers may run their model at once (0 = one less than the cores, at
     *                       least 1): the rest of the CPU stays free for the HTTP server, admission and refusals, which
     *                       model work would otherwise starve under overload
     */
    public record Admission(int maxBatch, Duration maxQueueDelay, int routeQueue, double headroom,
                            Map<String, Duration> deadlines, boolean predict, int computeThreads) {
        public Admission {
            if (computeThreads < 0 || computeThreads > 64) {
                throw new IllegalArgumentException("compute threads must be 0 (automatic) to 64, not " + computeThreads);
            }
            deadlines = Map.copyOf(deadlines);
            if (maxBatch < 1 || maxBatch > 1024) {
                throw new IllegalArgumentException("the largest batch must be 1 to 1024, not " + maxBatch);
            }
            if (maxQueueDelay.isNegative() || maxQueueDelay.toMillis() > 1000) {
                throw new IllegalArgumentException("the max queue delay must be 0 to 1000 ms, not " + maxQueueDelay.toMillis());
            }
            if (routeQueue < 1) {
                throw new IllegalArgumentException("the queue per route must be at least 1, not " + routeQueue);
            }
            if (!(headroom > 0 && headroom <= 1)) {
                throw new IllegalArgumentException("the admission headroom must be in (0, 1], not " + headroom);
            }
        }

        /** Batches of up to 32, 1 ms max queue delay, 64 requests per route, admit within 80 % of the budget. */
        public static Admission defaults() {
            return new Admission(32, Duration.ofMillis(1), 64, 0.8, Map.of(), true, 0);
        }

        public Admission withDeadlines(Map<String, Duration> d) {
            return new Admission(maxBatch, maxQueueDelay, routeQueue, headroom, d, predict, computeThreads);
        }

        public Admission withMaxQueueDelay(Duration d) {
            return new Admission(maxBatch, d, routeQueue, headroom, deadlines, predict, computeThreads);
        }

        public Admission withPredict(boolean p) {
            return new Admission(maxBatch, maxQueueDelay, routeQueue, headroom, deadlines, p, computeThreads);
        }

        public Admission withComputeThreads(int n) {
            return new Admission(maxBatch, maxQueueDelay, routeQueue, headroom, deadlines, predict, n);
        }

        /** {@link #computeThreads}, with 0 resolved for this machine. */
        public int computeSlots() {
            return computeThreads > 0 ? computeThreads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    /**
     * Restart with backoff between minBackoff and maxBackoff; more than maxRestarts restarts with
     * less than window between them and the worker is given up on (degraded).
     */
    public record Restarts(Duration minBackoff, Duration maxBackoff, int maxRestarts, Duration window) {
        public static Restarts defaults() {
            return new Restarts(Duration.ofMillis(50), Duration.ofSeconds(1), 5, Duration.ofSeconds(10));
        }
    }

    public static final Duration LECTURE_TIMEOUT = Duration.ofSeconds(5);

    public ServingConfig {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        seedNodes = List.copyOf(seedNodes);
        if (workersPerModality < 1 || workersPerModality > 8) {
            throw new IllegalArgumentException("workers per modality must be 1 to 8, not " + workersPerModality);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue capacity must be at least 1, not " + queueCapacity);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (admission == null) {
            admission = Admission.defaults();
        }
    }

    /** The deadline of a request on this route that brings none of its own. */
    public Duration deadline(String route) {
        return admission.deadlines().getOrDefault(route, timeout);
    }

    /** One node, every modality, one worker each, 64 queued per worker, 5 s timeout. */
    public static ServingConfig local() {
        return new ServingConfig(EnumSet.allOf(Modality.class), 1, 64, LECTURE_TIMEOUT, Restarts.defaults(), false,
                "127.0.0.1", 0, List.of(), Admission.defaults());
    }

    public ServingConfig withWorkers(int n) {
        return new ServingConfig(roles, n, queueCapacity, timeout, restarts, cluster, host, port, seedNodes, admission);
    }

    public ServingConfig withQueueCapacity(int n) {
        return new ServingConfig(roles, workersPerModality, n, timeout, restarts, cluster, host, port, seedNodes, admission);
    }

    public ServingConfig withTimeout(Duration t) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, t, restarts, cluster, host, port, seedNodes, admission);
    }

    public ServingConfig withRestarts(Restarts r) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, timeout, r, cluster, host, port, seedNodes, admission);
    }

    public ServingConfig withRoles(Set<Modality> r) {
        return new ServingConfig(r, workersPerModality, queueCapacity, timeout, restarts, cluster, host, port, seedNodes, admission);
    }

    public ServingConfig withAdmission(Admission a) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, timeout, restarts, cluster, host, port, seedNodes, a);
    }

    /** Join (or found) a cluster: this node listens on host:port and contacts the seed nodes ("host:port"). */
    public ServingConfig clustered(String h, int p, List<String> seeds) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, timeout, restarts, true, h, p, seeds, admission);
    }
}
