package org.reflectlab.core.serving;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * Admission and routing. It learns the workers of each modality from the receptionist (on this
 * node, or anywhere in the cluster), keeps how many jobs each holds, and for every request picks
 * the least loaded encoder and decoder. Admission control: a request is refused at once (with when
 * to retry) when every worker a route needs is at its queue capacity, when its route already has
 * its bound of requests in the node, or when the jobs queued ahead of it at its two workers, at
 * their measured time per job, would not let it finish within its deadline. An admitted request
 * gets its own {@link RequestHandler}; what is refused never reaches a worker.
 */
final class Router extends AbstractBehavior<Router.Command> {

    interface Command {
    }

    record Request(long id, Modality input, Payload data, Modality output, long timeoutMillis, ActorRef<Reply> replyTo)
            implements Command {
    }

    /** A request's job at this worker is done (or given up on); costMillis is the worker's time per job, NaN if unknown. */
    record Release(ActorRef<Worker.Command> worker, double costMillis) implements Command {
    }

    /** A request of this route has ended. */
    record RouteDone(String route) implements Command {
    }

    /** How many workers of each modality the router can reach now. */
    record CountWorkers(ActorRef<Map<Modality, Integer>> replyTo) implements Command {
    }

    private record Listed(Modality modality, Receptionist.Listing listing) implements Command {
    }

    /** The time per job assumed for a worker that has not run a batch yet (the lecture's ~5 ms per inference). */
    static final double PRIOR_COST_MILLIS = 5;

    private final int capacity;
    private final ServingConfig.Admission admission;
    private final WorkerBoard board;
    private final Map<Modality, List<ActorRef<Worker.Command>>> workers = new EnumMap<>(Modality.class);
    private final Map<ActorRef<Worker.Command>, Integer> inFlight = new HashMap<>();
    private final Map<ActorRef<Worker.Command>, Double> reportedCost = new HashMap<>();
    private final Map<String, Integer> routeInFlight = new HashMap<>();

    static Behavior<Command> create(int capacity, ServingConfig.Admission admission, WorkerBoard board) {
        return Behaviors.setup(ctx -> new Router(ctx, capacity, admission, board));
    }

    private Router(ActorContext<Command> ctx, int capacity, ServingConfig.Admission admission, WorkerBoard board) {
        super(ctx);
        this.capacity = capacity;
        this.admission = admission;
        this.board = board;
        // one adapter per message class (a second would replace the first): the listing's key says the modality
        ActorRef<Receptionist.Listing> adapter = ctx.messageAdapter(Receptionist.Listing.class, l -> new Listed(modality(l), l));
        for (Modality m : Modality.values()) {
            workers.put(m, List.of());
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(Worker.key(m), adapter));
        }
    }

    private static Modality modality(Receptionist.Listing l) {
        for (Modality m : Modality.values()) {
            if (l.isForKey(Worker.key(m))) {
                return m;
            }
        }
        throw new IllegalArgumentException("a listing for an unknown key: " + l.getKey());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Request.class, this::onRequest)
                .onMessage(Release.class, this::onRelease)
                .onMessage(RouteDone.class, d -> {
                    routeInFlight.merge(d.route(), -1, (a, b) -> Math.max(0, a + b));
                    return this;
                })
                .onMessage(Listed.class, this::onListed)
                .onMessage(CountWorkers.class, c -> {
                    Map<Modality, Integer> n = new EnumMap<>(Modality.class);
                    workers.forEach((m, l) -> n.put(m, l.size()));
                    c.replyTo().tell(n);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onRequest(Request r) {
        String route = Reply.route(r.input(), r.output());
        ActorRef<Worker.Command> enc = pick(r.input(), null);
        ActorRef<Worker.Command> dec = enc == null ? null : pick(r.output(), enc);
        if (enc == null || dec == null) {
            Modality missing = enc == null ? r.input() : r.output();
            boolean full = !workers.get(missing).isEmpty();
            r.replyTo().tell(new Reply.Rejected(r.id(), route, whyNot(missing), full ? drainMillis(missing) : 0));
            return this;
        }
        int onRoute = routeInFlight.getOrDefault(route, 0);
        if (onRoute >= admission.routeQueue()) {
            r.replyTo().tell(new Reply.Rejected(r.id(), route, "refused at once: " + route + " already has " + onRoute
                    + " requests in this node (its bound)", Math.max(1, Math.round(wait(enc, 0) + wait(dec, enc.equals(dec) ? 1 : 0)))));
            return this;
        }
        double encWait = wait(enc, 0);
        double decWait = wait(dec, enc.equals(dec) ? 1 : 0);
        double budget = r.timeoutMillis() * admission.headroom();
        // idle workers always admit: a request that starts at once is not queued to expire, and only jobs that run
        // update the time per job (an estimate left high by one slow batch would otherwise shed everything forever)
        boolean idle = inFlight.getOrDefault(enc, 0) == 0 && inFlight.getOrDefault(dec, 0) == 0;
        if (admission.predict() && !idle && encWait + decWait > budget) {
            r.replyTo().tell(new Reply.Rejected(r.id(), route, String.format(java.util.Locale.ROOT,
                    "refused at once: it would finish in ~%.0f ms, past %.0f%% of its %d ms deadline (%d jobs ahead at %s, %d at %s)",
                    encWait + decWait, admission.headroom() * 100, r.timeoutMillis(), inFlight.getOrDefault(enc, 0), boardName(enc),
                    inFlight.getOrDefault(dec, 0), boardName(dec)), Math.max(1, Math.round(encWait + decWait - budget))));
            return this;
        }
        add(enc, 1);
        add(dec, 1);
        routeInFlight.merge(route, 1, Integer::sum);
        getContext().spawnAnonymous(RequestHandler.create(r, enc, dec, getContext().getSelf()));
        return this;
    }

    /**
     * Predicted ms until a new job at this worker is done: the jobs it holds (plus {@code extra} of
     * this request) and the new one, each at the worker's measured time per job.
     */
    private double wait(ActorRef<Worker.Command> w, int extra) {
        return (inFlight.getOrDefault(w, 0) + extra + 1) * cost(w);
    }

    private double cost(ActorRef<Worker.Command> w) {
        double c = isLocal(w) ? board.cost(boardName(w)) : reportedCost.getOrDefault(w, Double.NaN);
        return Double.isNaN(c) ? PRIOR_COST_MILLIS : c;
    }

    /** Predicted ms until the least loaded worker of a modality has room again. */
    private long drainMillis(Modality m) {
        double best = Double.MAX_VALUE;
        for (ActorRef<Worker.Command> w : workers.get(m)) {
            best = Math.min(best, (inFlight.getOrDefault(w, 0) - capacity + 1) * cost(w));
        }
        return Math.max(1, Math.round(best));
    }

    /** The least loaded worker with room (a worker already chosen for this request counts once more). */
    private ActorRef<Worker.Command> pick(Modality m, ActorRef<Worker.Command> chosen) {
        ActorRef<Worker.Command> best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (ActorRef<Worker.Command> w : workers.get(m)) {
            int load = inFlight.getOrDefault(w, 0) + (w.equals(chosen) ? 1 : 0);
            boolean better = load < bestLoad || (load == bestLoad && isLocal(w) && best != null && !isLocal(best));
            if (load < capacity && better) {
                best = w;
                bestLoad = load;
            }
        }
        return best;
    }

    private String whyNot(Modality m) {
        List<ActorRef<Worker.Command>> ws = workers.get(m);
        if (ws.isEmpty()) {
            List<String> degraded = board.views().stream()
                    .filter(v -> v.modality() == m && v.state() == WorkerBoard.State.DEGRADED)
                    .map(v -> v.name() + " degraded after " + v.restarts() + " restarts").toList();
            return "no " + m.word() + " worker is available" + (degraded.isEmpty() ? "" : " (" + String.join(", ", degraded) + ")");
        }
        return "rejected at once: every " + m.word() + " worker's queue is full (" + ws.size() + " x " + capacity + " requests)";
    }

    private Behavior<Command> onRelease(Release r) {
        add(r.worker(), -1);
        if (!Double.isNaN(r.costMillis())) {
            reportedCost.put(r.worker(), r.costMillis());
        }
        return this;
    }

    private void add(ActorRef<Worker.Command> w, int delta) {
        int n = Math.max(0, inFlight.getOrDefault(w, 0) + delta);
        inFlight.put(w, n);
        board.inFlight(boardName(w), modalityOf(w), node(w), isLocal(w), n);
    }

    private Behavior<Command> onListed(Listed l) {
        List<ActorRef<Worker.Command>> now = new ArrayList<>(l.listing().getServiceInstances(Worker.key(l.modality())));
        now.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        for (ActorRef<Worker.Command> old : workers.get(l.modality())) {
            if (!now.contains(old)) {
                inFlight.remove(old);
                reportedCost.remove(old);
                board.forget(boardName(old));
            }
        }
        workers.put(l.modality(), List.copyOf(now));
        for (ActorRef<Worker.Command> w : now) {
            board.inFlight(boardName(w), l.modality(), node(w), isLocal(w), inFlight.getOrDefault(w, 0));
        }
        return this;
    }

    private Modality modalityOf(ActorRef<Worker.Command> w) {
        for (Map.Entry<Modality, List<ActorRef<Worker.Command>>> e : workers.entrySet()) {
            if (e.getValue().contains(w)) {
                return e.getKey();
            }
        }
        return null;
    }

    static boolean isLocal(ActorRef<?> w) {
        return w.path().address().hasLocalScope();
    }

    static String node(ActorRef<?> w) {
        return isLocal(w) ? "this node" : w.path().address().hostPort();
    }

    static String boardName(ActorRef<?> w) {
        return isLocal(w) ? w.path().name() : w.path().name() + "@" + w.path().address().hostPort();
    }
}
