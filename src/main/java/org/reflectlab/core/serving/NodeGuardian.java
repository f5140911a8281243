package org.reflectlab.core.serving;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The root of a serving node: spawns the router and this node's workers (on their own dispatcher,
 * since model work blocks), watches the workers, and marks one degraded when its supervisor gives up
 * on it (restart limit reached). Degraded workers stay down until restored: no restart loop.
 */
final class NodeGuardian {

    interface Command {
    }

    record GetRouter(ActorRef<ActorRef<Router.Command>> replyTo) implements Command {
    }

    record Inject(String worker, Worker.Command command) implements Command {
    }

    /** Bring this node's degraded workers of a modality back. */
    record Restore(Modality modality) implements Command {
    }

    private record WorkerStopped(String worker, Modality modality) implements Command {
    }

    static final String DISPATCHER = "reflectlab-worker-dispatcher";

    private NodeGuardian() {
    }

    static Behavior<Command> create(ServingConfig cfg, WorkerBoard board, Map<String, Supplier<RouteEngine>> engines, AdmissionGate gate) {
        // one permit per model computation at once, shared by this node's workers (see Admission.computeThreads)
        java.util.concurrent.Semaphore compute = new java.util.concurrent.Semaphore(cfg.admission().computeSlots(), true);
        return Behaviors.setup(ctx -> {
            ActorRef<Router.Command> router = ctx.spawn(Router.create(gate), "router");
            Map<String, ActorRef<Worker.Command>> workers = new HashMap<>();
            for (Modality m : cfg.roles()) {
                for (int i = 1; i <= cfg.workersPerModality(); i++) {
                    String name = m.word() + "-" + i;
                    board.register(name, m, "this node", WorkerBoard.State.STARTING);
                    workers.put(name, spawn(ctx, cfg, board, engines.get(name), m, name, compute));
                }
            }
            return Behaviors.receive(Command.class)
                    .onMessage(GetRouter.class, g -> {
                        g.replyTo().tell(router);
                        return Behaviors.same();
                    })
                    .onMessage(Inject.class, in -> {
                        ActorRef<Worker.Command> w = workers.get(in.worker());
                        if (w != null && board.state(in.worker()) != WorkerBoard.State.DEGRADED) {
                            w.tell(in.command());
                        }
                        return Behaviors.same();
                    })
                    .onMessage(WorkerStopped.class, s -> {
                        board.state(s.worker(), WorkerBoard.State.DEGRADED);
                        return Behaviors.same();
                    })
                    .onMessage(Restore.class, r -> {
                        for (Map.Entry<String, ActorRef<Worker.Command>> e : new HashMap<>(workers).entrySet()) {
                            if (e.getKey().startsWith(r.modality().word() + "-") && board.state(e.getKey()) == WorkerBoard.State.DEGRADED) {
                                board.register(e.getKey(), r.modality(), "this node", WorkerBoard.State.STARTING);
                                workers.put(e.getKey(), spawn(ctx, cfg, board, engines.get(e.getKey()), r.modality(), e.getKey(), compute));
                            }
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static ActorRef<Worker.Command> spawn(ActorContext<Command> ctx, ServingConfig cfg, WorkerBoard board,
                                                  Supplier<RouteEngine> engine, Modality m, String name,
                                                  java.util.concurrent.Semaphore compute) {
        ActorRef<Worker.Command> ref = ctx.spawn(Worker.create(m, name, engine, board, cfg.restarts(), cfg.admission(), compute), name,
                DispatcherSelector.fromConfig(DISPATCHER));
        ctx.watchWith(ref, new WorkerStopped(name, m));
        return ref;
    }
}
