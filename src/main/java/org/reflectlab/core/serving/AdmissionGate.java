package org.reflectlab.core.serving;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Admission control, decided on the caller's thread. It knows the workers of each modality (the
 * router passes on the receptionist's listings), how many jobs each holds, and for every request
 * picks the least loaded encoder and decoder. A request is refused at once (with when to retry) when
 * every worker a route needs is at its queue capacity, when its route already has its bound of
 * requests in the node, or when the time it already waited (its deadline runs from its arrival, e.g.
 * at the HTTP layer) plus the work queued ahead of it at its two workers, at their measured time per
 * job of each stage ({@link AdmissionModel}), would not let it finish within its deadline.
 *
 * <p>Why not in the router actor, where it was: under overload a refusal waited its turn in the
 * router's mailbox behind everything else, on a dispatcher shared with the HTTP server, and took
 * seconds (measured in the server: p99 4.9 s at "4x" on the loaded machine); here it costs a lock and
 * a few additions, and the HTTP layer asks before it decodes the request's input. Thread-safe.
 */
final class AdmissionGate {

    /** What admission decided: started on these workers, or refused with this reply. */
    sealed interface Decision {
    }

    record Admitted(ActorRef<Worker.Command> encoder, ActorRef<Worker.Command> decoder) implements Decision {
    }

    record Refused(Reply.Rejected reply) implements Decision {
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

    AdmissionGate(int capacity, ServingConfig.Admission admission, WorkerBoard board) {
        this.capacity = capacity;
        this.admission = admission;
        this.board = board;
        for (Modality m : Modality.values()) {
            workers.put(m, List.of());
        }
    }

    /** Admits (and counts) a request or refuses it; {@code arrivedNanos} is when its deadline started to run. */
    synchronized Decision admit(long id, Modality input, Modality output, long timeoutMillis, long arrivedNanos) {
        Decision d = decide(id, input, output, timeoutMillis, arrivedNanos);
        if (d instanceof Admitted a) {
            model.admit(a.encoder(), a.decoder());
            show(a.encoder());
            show(a.decoder());
            routeInFlight.merge(Reply.route(input, output), 1, Integer::sum);
        }
        return d;
    }

    private Decision decide(long id, Modality input, Modality output, long timeoutMillis, long arrivedNanos) {
        String route = Reply.route(input, output);
        ActorRef<Worker.Command> enc = pick(input, null);
        ActorRef<Worker.Command> dec = enc == null ? null : pick(output, enc);
        if (enc == null || dec == null) {
            Modality missing = enc == null ? input : output;
            boolean full = !workers.get(missing).isEmpty();
            return refused(id, route, whyNot(missing), full ? drainMillis(missing) : 0);
        }
        long waited = (System.nanoTime() - arrivedNanos) / 1_000_000L;
        double finish = model.finishMillis(enc, dec);
        if (waited >= timeoutMillis) {
            // it waited out its deadline before it got here (a backlog in front of admission): starting it is pointless
            return refused(id, route, "refused at once: it waited " + waited + " ms to be admitted, past its " + timeoutMillis
                    + " ms deadline", Math.max(1, Math.round(finish)));
        }
        int onRoute = routeInFlight.getOrDefault(route, 0);
        if (onRoute >= admission.routeQueue()) {
            return refused(id, route, "refused at once: " + route + " already has " + onRoute + " requests in this node (its bound)",
                    Math.max(1, Math.round(finish)));
        }
        // the time already waited counts against the deadline, the headroom is kept for what the prediction misses
        double budget = timeoutMillis * admission.headroom() - waited;
        // idle workers always admit: a request that starts at once is not queued to expire, and only jobs that run
        // update the time per job (an estimate left high by one slow batch would otherwise shed everything forever)
        boolean idle = model.inFlight(enc) == 0 && model.inFlight(dec) == 0;
        if (admission.predict() && !idle && finish > budget) {
            return refused(id, route, String.format(Locale.ROOT,
                    "refused at once: it would finish in ~%.0f ms%s, past %.0f%% of its %d ms deadline (%d jobs ahead at %s, %d at %s)",
                    finish, waited > 0 ? " after waiting " + waited + " ms" : "", admission.headroom() * 100, timeoutMillis,
                    model.inFlight(enc), boardName(enc), model.inFlight(dec), boardName(dec)), Math.max(1, Math.round(finish - budget)));
        }
        return new Admitted(enc, dec);
    }

    private static Refused refused(long id, String route, String why, long retryAfterMillis) {
        return new Refused(new Reply.Rejected(id, route, why, retryAfterMillis));
    }

    /** A request's job of this stage at this worker is done (or given up on); costMillis is the worker's time per job of it, NaN if unknown. */
    synchronized void release(ActorRef<Worker.Command> worker, Stage stage, double costMillis) {
        model.release(worker, stage);
        show(worker);
        if (!Double.isNaN(costMillis) && !isLocal(worker)) {
            reportedCost.computeIfAbsent(worker, k -> new double[] {Double.NaN, Double.NaN})[stage.ordinal()] = costMillis;
        }
    }

    /** A request of this route has ended (or was never started). */
    synchronized void routeDone(String route) {
        routeInFlight.merge(route, -1, (a, b) -> Math.max(0, a + b));
    }

    /** Gives back what {@link #admit} counted for a request that will not run after all. */
    synchronized void cancel(String route, Admitted a) {
        model.release(a.encoder(), Stage.ENCODE);
        model.release(a.decoder(), Stage.DECODE);
        show(a.encoder());
        show(a.decoder());
        routeDone(route);
    }

    /** The receptionist's listing of a modality's workers, now. */
    synchronized void listed(Modality m, List<ActorRef<Worker.Command>> now) {
        for (ActorRef<Worker.Command> old : workers.get(m)) {
            if (!now.contains(old)) {
                model.forget(old);
                reportedCost.remove(old);
                board.forget(boardName(old));
            }
        }
        workers.put(m, List.copyOf(now));
        for (ActorRef<Worker.Command> w : now) {
            board.inFlight(boardName(w), m, node(w), isLocal(w), model.inFlight(w));
        }
    }

    /** How many workers of each modality can be reached now. */
    synchronized Map<Modality, Integer> workerCounts() {
        Map<Modality, Integer> n = new EnumMap<>(Modality.class);
        workers.forEach((m, l) -> n.put(m, l.size()));
        return n;
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

    private void show(ActorRef<Worker.Command> w) {
        board.inFlight(boardName(w), modalityOf(w), node(w), isLocal(w), model.inFlight(w));
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
