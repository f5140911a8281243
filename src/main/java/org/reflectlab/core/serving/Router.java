package org.reflectlab.core.serving;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * Routing. It passes the receptionist's listings of each modality's workers (on this node, or
 * anywhere in the cluster) to the node's {@link AdmissionGate}, which admits or refuses every request
 * on the caller's thread; what reaches the router has been admitted, on the workers the gate picked,
 * and gets its own {@link RequestHandler} with what is left of its deadline. Refused requests never
 * pass through here (nor reach a worker).
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

        String route() {
            return Reply.route(input, output);
        }
    }

    /** An admitted request: start it on the workers the gate picked. */
    record Start(Request request, AdmissionGate.Admitted on) implements Command {
    }

    private record Listed(Modality modality, Receptionist.Listing listing) implements Command {
    }

    private final AdmissionGate gate;

    static Behavior<Command> create(AdmissionGate gate) {
        return Behaviors.setup(ctx -> new Router(ctx, gate));
    }

    private Router(ActorContext<Command> ctx, AdmissionGate gate) {
        super(ctx);
        this.gate = gate;
        // one adapter per message class (a second would replace the first): the listing's key says the modality
        ActorRef<Receptionist.Listing> adapter = ctx.messageAdapter(Receptionist.Listing.class, l -> new Listed(modality(l), l));
        for (Modality m : Modality.values()) {
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
                .onMessage(Start.class, this::onStart)
                .onMessage(Listed.class, l -> {
                    List<ActorRef<Worker.Command>> now = new ArrayList<>(l.listing().getServiceInstances(Worker.key(l.modality())));
                    now.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
                    gate.listed(l.modality(), now);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onStart(Start s) {
        Request r = s.request();
        long waited = r.waitedMillis();
        if (waited >= r.timeoutMillis()) {
            // admitted, then its deadline passed before it got here (a starved process): it never reached a worker
            gate.cancel(r.route(), s.on());
            r.replyTo().tell(new Reply.Rejected(r.id(), r.route(), "refused: it waited " + waited + " ms to be started, past its "
                    + r.timeoutMillis() + " ms deadline", 1));
            return this;
        }
        getContext().spawnAnonymous(RequestHandler.create(r, r.timeoutMillis() - waited, s.on().encoder(), s.on().decoder(), gate));
        return this;
    }
}
