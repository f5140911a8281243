package org.reflectlab.core.serving;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a serving node runs. Local by default: every modality's workers in this process, no
 * network. With {@code cluster} set the node joins a Pekko cluster through the seed nodes and hosts
 * workers only for its roles; routes find workers anywhere in the cluster through the receptionist.
 *
 * @param workersPerModality workers (each with its own model copy) per hosted modality
 * @param queueCapacity requests a worker may hold at once; beyond that, requests are rejected at once
 * @param timeout the budget of a request without its own (the lecture's 5 s)
 */
public record ServingConfig(Set<Modality> roles, int workersPerModality, int queueCapacity, Duration timeout,
                            Restarts restarts, boolean cluster, String host, int port, List<String> seedNodes) {

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
    }

    /** One node, every modality, one worker each, 64 queued per worker, 5 s timeout. */
    public static ServingConfig local() {
        return new ServingConfig(EnumSet.allOf(Modality.class), 1, 64, LECTURE_TIMEOUT, Restarts.defaults(), false,
                "127.0.0.1", 0, List.of());
    }

    public ServingConfig withWorkers(int n) {
        return new ServingConfig(roles, n, queueCapacity, timeout, restarts, cluster, host, port, seedNodes);
    }

    public ServingConfig withQueueCapacity(int n) {
        return new ServingConfig(roles, workersPerModality, n, timeout, restarts, cluster, host, port, seedNodes);
    }

    public ServingConfig withTimeout(Duration t) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, t, restarts, cluster, host, port, seedNodes);
    }

    public ServingConfig withRestarts(Restarts r) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, timeout, r, cluster, host, port, seedNodes);
    }

    public ServingConfig withRoles(Set<Modality> r) {
        return new ServingConfig(r, workersPerModality, queueCapacity, timeout, restarts, cluster, host, port, seedNodes);
    }

    /** Join (or found) a cluster: this node listens on host:port and contacts the seed nodes ("host:port"). */
    public ServingConfig clustered(String h, int p, List<String> seeds) {
        return new ServingConfig(roles, workersPerModality, queueCapacity, timeout, restarts, true, h, p, seeds);
    }
}
