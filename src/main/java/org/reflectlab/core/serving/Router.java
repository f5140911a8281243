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
 * node, or anywhere in the cluster), keeps how many requests each holds, and for every request picks
 * the least loaded encoder and decoder. When every worker a route needs is at its queue capacity the
 * request is rejected at once: that is the back-pressure. Each admitted request gets its own
 * {@link RequestHandler}.
 */
final class Router extends AbstractBehavior<Router.Command> {

    interface Command {
    }

    record Request(long id, Modality input, Payload data, Modality output, long timeoutMillis, ActorRef<Reply> replyTo)
            implements Command {
    }

    record Release(ActorRef<Worker.Command> encoder, ActorRef<Worker.Command> decoder) implements Command {
    }

    /** How many workers of each modality the router can reach now. */
    record CountWorkers(ActorRef<Map<Modality, Integer>> replyTo) implements Command {
    }

    private record Listed(Modality modality, Receptionist.Listing listing) implements Command {
    }

    private final int capacity;
    private final WorkerBoard board;
    private final Map<Modality, List<ActorRef<Worker.Command>>> workers = new EnumMap<>(Modality.class);
    private final Map<ActorRef<Worker.Command>, Integer> inFlight = new HashMap<>();

    static Behavior<Command> create(int capacity, WorkerBoard board) {
        return Behaviors.setup(ctx -> new Router(ctx, capacity, board));
    }

    private Router(ActorContext<Command> ctx, int capacity, WorkerBoard board) {
        super(ctx);
        this.capacity = capacity;
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
            r.replyTo().tell(new Reply.Rejected(r.id(), route, whyNot(missing)));
            return this;
        }
        add(enc, 1);
        add(dec, 1);
        getContext().spawnAnonymous(RequestHandler.create(r, enc, dec, getContext().getSelf()));
        return this;
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
        add(r.encoder(), -1);
        add(r.decoder(), -1);
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
