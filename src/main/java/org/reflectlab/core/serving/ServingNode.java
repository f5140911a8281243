package org.reflectlab.core.serving;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.reflectlab.core.cluster.PekkoSetup;

/**
 * A serving node: an embedded Pekko actor system with a router and this node's modality workers.
 * Local by default (nothing to set up); clustered when the config says so. Every request ends in
 * exactly one {@link Reply}; if none arrived even after the handler's own deadline plus a grace
 * period, it is counted as lost (which must not happen) and answered Failed.
 */
public final class ServingNode implements AutoCloseable {

    /** Makes one worker's copy of the model; called on the worker's thread, once per worker. */
    @FunctionalInterface
    public interface EngineFactory {
        RouteEngine create() throws Exception;
    }

    static final Duration GRACE = Duration.ofSeconds(3);

    private final ServingConfig config;
    private final ActorSystem<NodeGuardian.Command> system;
    private final ActorRef<Router.Command> router;
    private final WorkerBoard board;
    private final AdmissionGate gate;
    private final ServingMetrics metrics = new ServingMetrics();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    private ServingNode(ServingConfig config, ActorSystem<NodeGuardian.Command> system, ActorRef<Router.Command> router,
                        WorkerBoard board, AdmissionGate gate) {
        this.config = config;
        this.system = system;
        this.router = router;
        this.board = board;
        this.gate = gate;
    }

    /**
     * Starts the node and waits (up to 180 s) until its router reaches every local worker (each warmed up). The first
     * model copy is loaded here, before any worker starts: a damaged or missing model fails at once
     * with its file and reason (and that copy becomes the first worker's). A cluster port in use, or
     * a seed node that is not host:port, is one line too.
     */
    public static ServingNode start(ServingConfig config, EngineFactory engines) {
        WorkerBoard board = new WorkerBoard();
        Map<String, Supplier<RouteEngine>> copies = new HashMap<>();
        RouteEngine first = null;
        if (!config.roles().isEmpty()) {
            try {
                first = engines.create();
            } catch (Exception e) {
                throw new IllegalStateException("cannot serve: " + e.getMessage(), e);
            }
        }
        for (Modality m : config.roles()) {
            for (int i = 1; i <= config.workersPerModality(); i++) {
                RouteEngine loaded = first;
                first = null;
                copies.put(m.word() + "-" + i, loaded != null ? () -> loaded : memo(engines));
            }
        }
        AdmissionGate gate = new AdmissionGate(config.queueCapacity(), config.admission(), board);
        ActorSystem<NodeGuardian.Command> system;
        try {
            system = ActorSystem.create(NodeGuardian.create(config, board, copies, gate), PekkoSetup.SYSTEM, pekkoConfig(config));
        } catch (RuntimeException e) {
            throw new IllegalStateException(PekkoSetup.whyNotStarted(config.host(), config.port(), e), e);
        }
        ActorRef<Router.Command> router;
        try {
            router = AskPattern.<NodeGuardian.Command, ActorRef<Router.Command>>ask(system, NodeGuardian.GetRouter::new,
                    Duration.ofSeconds(10), system.scheduler()).toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            system.terminate();
            throw new IllegalStateException("the serving node did not start: " + e.getMessage(), e);
        }
        ServingNode node = new ServingNode(config, system, router, board, gate);
        Map<Modality, Integer> want = new EnumMap<>(Modality.class);
        config.roles().forEach(m -> want.put(m, config.workersPerModality()));
        // a worker registers after its warm-up (a few seconds on a quiet machine, minutes on a saturated one)
        if (!node.awaitWorkers(want, Duration.ofSeconds(180))) {
            node.close();
            throw new IllegalStateException("the serving node's workers did not come up within 180 s: " + board.views());
        }
        return node;
    }

    private static Supplier<RouteEngine> memo(EngineFactory f) {
        return new Supplier<>() {
            private RouteEngine engine;

            @Override
            public synchronized RouteEngine get() {
                if (engine == null) {
                    try {
                        engine = f.create();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not load the worker's model: " + e.getMessage(), e);
                    }
                }
                return engine;
            }
        };
    }

    static Config pekkoConfig(ServingConfig c) {
        int threads = Math.max(1, c.roles().size() * c.workersPerModality());
        PekkoSetup.Membership m = new PekkoSetup.Membership(c.cluster(), c.host(), c.port(), c.seedNodes(),
                c.roles().stream().map(Modality::word).toList());
        // keep-oldest, not the resolver's default keep-majority: with two nodes, one killed is a tie, which keep-majority breaks
        // by the lowest address, so the survivor downed *itself* whenever the dead node's port was the lower one (bench kill:
        // "SBR took decision DownReachable ... including myself", 64 requests lost). The oldest node stays; alone, it goes
        return com.typesafe.config.ConfigFactory.parseString("pekko.cluster.split-brain-resolver.active-strategy = keep-oldest\n"
                        + "pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone = on\n")
                .withFallback(PekkoSetup.config(m, Map.of(NodeGuardian.DISPATCHER, threads),
                        List.of(new PekkoSetup.Binding("reflectlab", ServingSerializer.class, ServingSerializer.ID, ClusterMessage.class))));
    }

    public ServingConfig config() {
        return config;
    }

    public WorkerBoard board() {
        return board;
    }

    public ServingMetrics metrics() {
        return metrics;
    }

    /** The node's actor system: the HTTP layer binds on it (one Pekko system per node). */
    public ActorSystem<?> actorSystem() {
        return system;
    }

    /** host:port of this node in its cluster, or "local". */
    public String address() {
        return config.cluster() ? system.address().hostPort() : "local";
    }

    /** Sends one request with its route's default deadline. */
    public CompletionStage<Reply> request(Modality in, Payload data, Modality out) {
        return request(in, data, out, config.deadline(Reply.route(in, out)));
    }

    /** Sends one request; the stage always completes with a reply (never exceptionally). */
    public CompletionStage<Reply> request(Modality in, Payload data, Modality out, Duration timeout) {
        return request(in, data, out, timeout, System.nanoTime());
    }

    /**
     * Sends one request that arrived at {@code arrivedNanos} ({@link System#nanoTime()}, e.g. when the
     * HTTP layer got it): its deadline, and the latency the metrics record, run from then, so time
     * spent before the router (reading the body, a backlog) counts.
     */
    public CompletionStage<Reply> request(Modality in, Payload data, Modality out, Duration timeout, long arrivedNanos) {
        return request(in, () -> data, out, timeout, arrivedNanos);
    }

    /**
     * Sends one request whose input is made only once it is admitted: a refusal is decided here, on the
     * caller's thread (no actor in between), before any work on the input (the HTTP layer decodes a PNG or
     * a WAV, or renders a scene, only for a request that will run). If {@code input} throws, the request
     * is given up (nothing counted, nothing sent) and the exception reaches the caller.
     */
    public CompletionStage<Reply> request(Modality in, Supplier<Payload> input, Modality out, Duration timeout, long arrivedNanos) {
        Ahead a = admitAhead(in, out, timeout, arrivedNanos);
        return a.refused == null ? a.run(input) : CompletableFuture.completedFuture(a.refused);
    }

    /**
     * Decides admission now, before the request's input exists (the HTTP layer asks on a request's line, before its body
     * is read): refused (counted as sent and refused; {@link Ahead#refused}) or admitted, holding its place at its
     * workers until {@link Ahead#run} starts it or {@link Ahead#giveBack} returns the place (a body that never came).
     */
    public Ahead admitAhead(Modality in, Modality out, Duration timeout, long arrivedNanos) {
        long id = ids.incrementAndGet();
        String route = Reply.route(in, out);
        long ms = Math.max(1, timeout.toMillis());
        AdmissionGate.Decision decision = closed ? new AdmissionGate.Refused(new Reply.Rejected(id, route, "the serving node is shut down", 0))
                : gate.admit(id, in, out, ms, arrivedNanos);
        if (decision instanceof AdmissionGate.Refused no) {
            metrics.sent();
            metrics.ended(no.reply(), System.nanoTime() - arrivedNanos);
            return new Ahead(id, in, out, timeout, arrivedNanos, null, no.reply());
        }
        return new Ahead(id, in, out, timeout, arrivedNanos, (AdmissionGate.Admitted) decision, null);
    }

    /** A request admitted (or refused) before its input exists; see {@link #admitAhead}. Run or give back once. */
    public final class Ahead {
        private final long id;
        private final Modality in;
        private final Modality out;
        private final Duration timeout;
        private final long start;
        private final AdmissionGate.Admitted on;
        private final Reply.Rejected refused;

        private Ahead(long id, Modality in, Modality out, Duration timeout, long start, AdmissionGate.Admitted on, Reply.Rejected refused) {
            this.id = id;
            this.in = in;
            this.out = out;
            this.timeout = timeout;
            this.start = start;
            this.on = on;
            this.refused = refused;
        }

        public Optional<Reply.Rejected> refused() {
            return Optional.ofNullable(refused);
        }

        /** The deadline it was admitted with. */
        public Duration deadline() {
            return timeout;
        }

        /** An admitted request that will not run after all (its body never came, or was bad): its place is given back. */
        public void giveBack() {
            if (on != null) {
                gate.cancel(Reply.route(in, out), on);
            }
        }

        /** Starts the admitted request with its input, made now; if {@code input} throws, its place is given back first. */
        public CompletionStage<Reply> run(Supplier<Payload> input) {
            return start(id, in, input, out, timeout, start, on);
        }
    }

    private CompletionStage<Reply> start(long id, Modality in, Supplier<Payload> input, Modality out, Duration timeout, long start,
                                         AdmissionGate.Admitted on) {
        String route = Reply.route(in, out);
        long ms = Math.max(1, timeout.toMillis());
        Payload data;
        try {
            data = input.get();
        } catch (RuntimeException e) {
            gate.cancel(route, on);
            throw e;
        }
        metrics.sent();
        if (data == null || data.modality() != in) {
            gate.cancel(route, on);
            Reply r = new Reply.Rejected(id, route, "the request says " + in.word() + " but carries "
                    + (data == null ? "nothing" : data.modality() == null ? "a latent" : data.modality().word()), 0);
            metrics.ended(r, 0);
            return CompletableFuture.completedFuture(r);
        }
        return AskPattern.<Router.Command, Reply>ask(router, replyTo -> new Router.Start(new Router.Request(id, in, data, out, ms, start, replyTo), on),
                        timeout.plus(GRACE), system.scheduler())
                .handle((reply, error) -> {
                    if (reply != null) {
                        metrics.ended(reply, System.nanoTime() - start);
                        return reply;
                    }
                    metrics.lost();
                    return new Reply.Failed(id, route, "lost: no answer at all within " + timeout.plus(GRACE).toMillis() + " ms");
                });
    }

    /** Workers of each modality this node's router can reach (local and, in a cluster, remote). */
    public Map<Modality, Integer> reachableWorkers() {
        return gate.workerCounts();
    }

    /** Waits until the router reaches at least this many workers per modality. */
    public boolean awaitWorkers(Map<Modality, Integer> atLeast, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            Map<Modality, Integer> now = reachableWorkers();
            if (atLeast.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey(), 0) >= e.getValue())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    // Fault injection //

    /** The named worker of this node fails now (e.g. "image-1"). */
    public void crash(String worker) {
        system.tell(new NodeGuardian.Inject(worker, Worker.Crash.INSTANCE));
    }

    /** The named worker sleeps this long before every batch (0 = normal). */
    public void slow(String worker, long millis) {
        system.tell(new NodeGuardian.Inject(worker, new Worker.SetDelay(millis)));
    }

    /** Restarts this node's degraded workers of a modality. */
    public void restore(Modality m) {
        system.tell(new NodeGuardian.Restore(m));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the node is going away either way; nothing to keep
        }
    }
}
