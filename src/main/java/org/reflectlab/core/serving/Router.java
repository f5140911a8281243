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
 * its bound of requests in the node, or when the time it already waited (its deadline runs from
 * when it arrived, e.g. at the HTTP layer, not from when the router got to it) plus the work queued
 * ahead of it at its two workers, at their measured time per job of each stage
 * ({@link AdmissionModel}), would not let it finish within its deadline. An admitted request gets
 * its own {@link RequestHandler} with what is left of its deadline; what is refused never reaches a
 * worker.
 */
final class Router extends AbstractBehavior<Router.Command> {

    interface Command {
    }

    /** @param arrivedNanos when the request arrived ({@link System#nanoTime()}): its deadline runs from then */
    record Request(long id, Modality input, Payload data, Modality output, long timeoutMillis, long arrivedNanos,
                   ActorRef<Reply> replyTo) implements Command {
        long waitedMillis() {
            return (System.nanoTime() - arrivedNanos) / 1_000_000L;
        }
    }

    /** A request's job of this stage at this worker is done (or given up on); costMillis is the worker's time per job of it, NaN if unknown. */
    record Release(ActorRef<Worker.Command> worker, Stage stage, double costMillis) implements Command {
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
    private final Map<ActorRef<Worker.Command>, double[]> reportedCost = new HashMap<>();
    private final AdmissionModel<ActorRef<Worker.Command>> model = new AdmissionModel<>(this::cost);
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
        long waited = r.waitedMillis();
        double finish = model.finishMillis(enc, dec);
        if (waited >= r.timeoutMillis()) {
            // it waited out its deadline before the router got to it (a backlog in front of admission): starting it is pointless
            r.replyTo().tell(new Reply.Rejected(r.id(), route, "refused at once: it waited " + waited + " ms to be admitted, past its "
                    + r.timeoutMillis() + " ms deadline", Math.max(1, Math.round(finish))));
            return this;
        }
        int onRoute = routeInFlight.getOrDefault(route, 0);
        if (onRoute >= admission.routeQueue()) {
            r.replyTo().tell(new Reply.Rejected(r.id(), route, "refused at once: " + route + " already has " + onRoute
                    + " requests in this node (its bound)", Math.max(1, Math.round(finish))));
            return this;
        }
        // the time already waited counts against the deadline, the headroom is kept for what the prediction misses
        double budget = r.timeoutMillis() * admission.headroom() - waited;
        // idle workers always admit: a request that starts at once is not queued to expire, and only jobs that run
        // update the time per job (an estimate left high by one slow batch would otherwise shed everything forever)
        boolean idle = model.inFlight(enc) == 0 && model.inFlight(dec) == 0;
        if (admission.predict() && !idle && finish > budget) {
            r.replyTo().tell(new Reply.Rejected(r.id(), route, String.format(java.util.Locale.ROOT,
                    "refused at once: it would finish in ~%.0f ms%s, past %.0f%% of its %d ms deadline (%d jobs ahead at %s, %d at %s)",
                    finish, waited > 0 ? " after waiting " + waited + " ms" : "", admission.headroom() * 100, r.timeoutMillis(),
                    model.inFlight(enc), boardName(enc), model.inFlight(dec), boardName(dec)), Math.max(1, Math.round(finish - budget))));
            return this;
        }
        model.admit(enc, dec);
        show(enc);
        show(dec);
        routeInFlight.merge(route, 1, Integer::sum);
        getContext().spawnAnonymous(RequestHandler.create(r, r.timeoutMillis() - waited, enc, dec, getContext().getSelf()));
        return this;
    }

    private double cost(ActorRef<Worker.Command> w, Stage s) {
        double c;
        if (isLocal(w)) {
            c = board.cost(boardName(w), s);
        } else {
            double[] reported = reportedCost.get(w);
            c = reported == null ? Double.NaN : reported[s.ordinal()];
        }
        return Double.isNaN(c) ? PRIOR_COST_MILLIS : c;
    }

    /** A worker's time per job over both stages (for when its queue drains). */
    private double meanCost(ActorRef<Worker.Command> w) {
        return (cost(w, Stage.ENCODE) + cost(w, Stage.DECODE)) / 2;
    }

    /** Predicted ms until the least loaded worker of a modality has room again. */
    private long drainMillis(Modality m) {
        double best = Double.MAX_VALUE;
        for (ActorRef<Worker.Command> w : workers.get(m)) {
            best = Math.min(best, (model.inFlight(w) - capacity + 1) * meanCost(w));
        }
        return Math.max(1, Math.round(best));
    }

    /** The least loaded worker with room (a worker already chosen for this request counts once more). */
    private ActorRef<Worker.Command> pick(Modality m, ActorRef<Worker.Command> chosen) {
        ActorRef<Worker.Command> best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (ActorRef<Worker.Command> w : workers.get(m)) {
            int load = model.inFlight(w) + (w.equals(chosen) ? 1 : 0);
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
        model.release(r.worker(), r.stage());
        show(r.worker());
        if (!Double.isNaN(r.costMillis()) && !isLocal(r.worker())) {
            reportedCost.computeIfAbsent(r.worker(), k -> new double[] {Double.NaN, Double.NaN})[r.stage().ordinal()] = r.costMillis();
        }
        return this;
    }

    private void show(ActorRef<Worker.Command> w) {
        board.inFlight(boardName(w), modalityOf(w), node(w), isLocal(w), model.inFlight(w));
    }

    private Behavior<Command> onListed(Listed l) {
        List<ActorRef<Worker.Command>> now = new ArrayList<>(l.listing().getServiceInstances(Worker.key(l.modality())));
        now.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        for (ActorRef<Worker.Command> old : workers.get(l.modality())) {
            if (!now.contains(old)) {
                model.forget(old);
                reportedCost.remove(old);
                board.forget(boardName(old));
            }
        }
        workers.put(l.modality(), List.copyOf(now));
        for (ActorRef<Worker.Command> w : now) {
            board.inFlight(boardName(w), l.modality(), node(w), isLocal(w), model.inFlight(w));
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
