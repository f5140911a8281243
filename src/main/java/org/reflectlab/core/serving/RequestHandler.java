package org.reflectlab.core.serving;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One request's life: encode at the input modality's worker, decode at the output's, answer the
 * client, all within the budget. At the deadline it answers TimedOut and tells the worker holding
 * the job to drop it. If a worker it waits on dies (its node left), it fails at once instead of
 * waiting out the budget. Either way it gives the workers' slots back to the admission gate.
 */
final class RequestHandler {

    interface Msg {
    }

    private record Result(Worker.JobResult result) implements Msg {
    }

    private enum Deadline implements Msg { INSTANCE }

    private record WorkerGone(String worker) implements Msg {
    }

    private final Router.Request request;
    private final ActorRef<Worker.Command> encoder;
    private final ActorRef<Worker.Command> decoder;
    private final AdmissionGate gate;
    private final long startNanos = System.nanoTime();
    /** What is left of the deadline when the request was admitted (it runs from the request's arrival). */
    private final long budgetMillis;
    private String encodeNote;
    private String encodedBy;
    private double encodeMillis;
    private boolean encoderReleased;
    private Stage stage = Stage.ENCODE;
    private double lastCost = Double.NaN;

    private RequestHandler(Router.Request request, long budgetMillis, ActorRef<Worker.Command> encoder, ActorRef<Worker.Command> decoder,
                           AdmissionGate gate) {
        this.request = request;
        this.budgetMillis = budgetMillis;
        this.encoder = encoder;
        this.decoder = decoder;
        this.gate = gate;
    }

    /** @param budgetMillis what is left of the request's deadline now */
    static Behavior<Msg> create(Router.Request request, long budgetMillis, ActorRef<Worker.Command> encoder, ActorRef<Worker.Command> decoder,
                                AdmissionGate gate) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            RequestHandler h = new RequestHandler(request, budgetMillis, encoder, decoder, gate);
            timers.startSingleTimer(Deadline.INSTANCE, Duration.ofMillis(budgetMillis));
            ActorRef<Worker.JobResult> results = ctx.messageAdapter(Worker.JobResult.class, Result::new);
            ctx.watchWith(encoder, new WorkerGone(encoder.path().name()));
            if (!decoder.equals(encoder)) {
                ctx.watchWith(decoder, new WorkerGone(decoder.path().name()));
            }
            encoder.tell(new Worker.Job(request.id(), Stage.ENCODE, request.data(), budgetMillis, results));
            return Behaviors.receive(Msg.class)
                    .onMessage(Result.class, r -> h.onResult(r.result(), results))
                    .onMessageEquals(Deadline.INSTANCE, h::onDeadline)
                    .onMessage(WorkerGone.class, g -> h.finish(new Reply.Failed(request.id(), h.route(),
                            "the worker " + g.worker() + " went away (its node left or it was given up on)")))
                    .build();
        }));
    }

    private String route() {
        return Reply.route(request.input(), request.output());
    }

    private Behavior<Msg> onResult(Worker.JobResult r, ActorRef<Worker.JobResult> results) {
        if (r.error() != null) {
            return finish(new Reply.Failed(request.id(), route(), r.error()));
        }
        if (r.stage() == Stage.ENCODE && stage == Stage.ENCODE) {
            stage = Stage.DECODE;
            encodeNote = r.note();
            encodedBy = r.worker();
            encodeMillis = (System.nanoTime() - startNanos) / 1e6;
            encoderReleased = true;
            gate.release(encoder, Stage.ENCODE, r.costMillis());
            long left = budgetMillis - (System.nanoTime() - startNanos) / 1_000_000L;
            decoder.tell(new Worker.Job(request.id(), Stage.DECODE, r.payload(), Math.max(1, left), results));
            return Behaviors.same();
        }
        lastCost = r.costMillis();
        return finish(new Reply.Completed(request.id(), route(), r.payload(), encodeNote, r.note(), encodedBy, r.worker(),
                r.notUnderstood(), encodeMillis, (System.nanoTime() - startNanos) / 1e6 - encodeMillis));
    }

    private Behavior<Msg> onDeadline() {
        ActorRef<Worker.Command> holder = stage == Stage.ENCODE ? encoder : decoder;
        holder.tell(new Worker.Cancel(request.id()));
        return finish(new Reply.TimedOut(request.id(), route(),
                "no answer within its " + request.timeoutMillis() + " ms deadline (" + stage.name().toLowerCase(java.util.Locale.ROOT)
                        + " at " + holder.path().name() + "); the job was cancelled there"));
    }

    private Behavior<Msg> finish(Reply reply) {
        request.replyTo().tell(reply);
        if (!encoderReleased) {
            gate.release(encoder, Stage.ENCODE, Double.NaN);
        }
        gate.release(decoder, Stage.DECODE, lastCost);
        gate.routeDone(route());
        return Behaviors.stopped();
    }
}
