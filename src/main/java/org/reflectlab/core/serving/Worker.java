package org.reflectlab.core.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A modality worker: owns one copy of the model ({@link RouteEngine}) and runs the encode/decode
 * jobs of its modality. Jobs that arrive while it computes queue in its mailbox; a flush message it
 * sends itself runs everything queued so far as one batch (one forward pass for many requests).
 * A job past its deadline is dropped before it runs, and a slowed worker gives up on a batch whose
 * deadlines have all passed: a timed-out request is cancelled where it runs. A crash fails the jobs
 * in hand (they are answered, not lost) and the supervisor restarts the worker with backoff; past
 * the restart limit the worker stops and its node marks it degraded.
 */
public final class Worker extends AbstractBehavior<Worker.Command> {

    public interface Command {
    }

    /** Encode or decode one payload within budgetMillis; the answer goes to replyTo. */
    public record Job(long requestId, Stage stage, Payload payload, long budgetMillis, ActorRef<JobResult> replyTo)
            implements Command, ClusterMessage {
    }

    /** The request timed out: drop its job if it has not run. */
    public record Cancel(long requestId) implements Command, ClusterMessage {
    }

    /**
     * @param notUnderstood what of a decoded caption the worker could not use (null: all of it)
     * @param costMillis the worker's recent time per job of this stage (its batches' time on the stage over their jobs,
     *                   plus their share of the batch's overhead): what admission predicts with
     */
    public record JobResult(long requestId, Stage stage, Payload payload, String note, String error, String worker,
                            String notUnderstood, double costMillis) implements ClusterMessage {
    }

    /** Run the model once at the largest batch before the first job ({@link RouteEngine#warmUp}). */
    private enum WarmUp implements Command { INSTANCE }

    /** Fault injection: fail now, as a bug in the worker would. */
    public enum Crash implements Command { INSTANCE }

    /** Fault injection: sleep this long before every batch (0 = normal speed). */
    public record SetDelay(long millis) implements Command {
    }

    /**
     * Run what is queued. Without a max queue delay it is sent twice in a row: the second pass through
     * the mailbox lets jobs of requests sent at the same moment (still arriving through their
     * handlers) join the batch. With one, {@link FlushClock} sends it when the first queued job has waited that long
     * (not Pekko's timers: they tick every 10 ms). {@code round} names the flush the worker is waiting for: a delayed
     * one overtaken by a full batch arrives stale and is ignored.
     */
    private record Flush(boolean last, long round) implements Command {
    }

    /** Weights of the newest batch in the time per job when it is slower / faster than the average. */
    private static final double COST_RISE = 0.5;
    private static final double COST_FALL = 0.2;

    private record Pending(Job job, long deadlineNanos) {
    }

    public static ServiceKey<Command> key(Modality m) {
        return ServiceKey.create(Command.class, "reflectlab-worker-" + m.word());
    }

    public static Behavior<Command> create(Modality modality, String name, Supplier<RouteEngine> engine, WorkerBoard board,
                                           ServingConfig.Restarts restarts, ServingConfig.Admission admission,
                                           java.util.concurrent.Semaphore compute) {
        Behavior<Command> worker = Behaviors.setup(ctx -> new Worker(ctx, modality, name, engine, board, admission, compute));
        return Behaviors.supervise(worker).onFailure(Exception.class,
                SupervisorStrategy.restartWithBackoff(restarts.minBackoff(), restarts.maxBackoff(), 0.1)
                        .withMaxRestarts(restarts.maxRestarts()).withResetBackoffAfter(restarts.window())
                        .withLoggingEnabled(false));
    }

    private final Modality modality;
    private final String name;
    private final WorkerBoard board;
    private final List<Pending> queued = new ArrayList<>();
    private List<Pending> running = List.of();
    private boolean flushPending;
    private long round;
    private java.util.concurrent.ScheduledFuture<?> window;
    private long delayMillis;
    private double costMillis = Double.NaN;
    private final double[] stageCost = {Double.NaN, Double.NaN};
    private final RouteEngine engine;
    /** Shared by the node's workers: at most this many run their model at once, the rest of the CPU serves requests. */
    private final java.util.concurrent.Semaphore compute;
    private final int maxBatch;
    private final java.time.Duration maxQueueDelay;

    private Worker(ActorContext<Command> ctx, Modality modality, String name,
                   Supplier<RouteEngine> engine, WorkerBoard board, ServingConfig.Admission admission,
                   java.util.concurrent.Semaphore compute) {
        super(ctx);
        this.compute = compute;
        this.modality = modality;
        this.name = name;
        this.board = board;
        this.maxBatch = admission.maxBatch();
        this.maxQueueDelay = admission.maxQueueDelay();
        this.engine = engine.get();
        // warm up first, then register: the router (and /health) sees the worker once it can serve at full speed. As a
        // message, not in here, so that a slow warm-up does not hold up the actor system's start of the other workers
        ctx.getSelf().tell(WarmUp.INSTANCE);
        board.delay(name, 0);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Job.class, this::onJob)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(Flush.class, this::onFlush)
                .onMessageEquals(WarmUp.INSTANCE, () -> {
                    computing(() -> engine.warmUp(modality, maxBatch));
                    board.state(name, WorkerBoard.State.IDLE);
                    getContext().getSystem().receptionist().tell(Receptionist.register(key(modality), getContext().getSelf()));
                    return this;
                })
                .onMessageEquals(Crash.INSTANCE, () -> {
                    throw new IllegalStateException("injected crash in " + name);
                })
                .onMessage(SetDelay.class, d -> {
                    delayMillis = Math.max(0, d.millis());
                    board.delay(name, delayMillis);
                    return this;
                })
                .onSignal(PreRestart.class, s -> failInHand("restarting"))
                .onSignal(PostStop.class, s -> failInHand("stopped"))
                .build();
    }

    private Behavior<Command> onJob(Job job) {
        queued.add(new Pending(job, System.nanoTime() + job.budgetMillis() * 1_000_000L));
        ActorRef<Command> self = getContext().getSelf();
        if (queued.size() >= maxBatch && !maxQueueDelay.isZero()) {
            // a full batch does not wait out the queue delay
            closeWindow();
            flushPending = true;
            self.tell(new Flush(true, ++round));
        } else if (!flushPending) {
            flushPending = true;
            long r = ++round;
            if (!maxQueueDelay.isZero()) {
                window = FlushClock.after(maxQueueDelay, () -> self.tell(new Flush(true, r)));
            } else {
                self.tell(new Flush(false, r));
            }
        }
        return this;
    }

    private Behavior<Command> onCancel(Cancel c) {
        if (queued.removeIf(p -> p.job().requestId() == c.requestId())) {
            board.cancelled(name, 1);
        }
        return this;
    }

    private void closeWindow() {
        if (window != null) {
            window.cancel(false);
            window = null;
        }
    }

    private Behavior<Command> onFlush(Flush f) {
        if (f.round() != round) {
            return this; // overtaken: a full batch ran (or is about to) in its place
        }
        if (!f.last()) {
            getContext().getSelf().tell(new Flush(true, f.round()));
            return this;
        }
        window = null;
        flushPending = false;
        if (queued.isEmpty()) {
            return this;
        }
        int n = Math.min(maxBatch, queued.size());
        running = new ArrayList<>(queued.subList(0, n));
        queued.subList(0, n).clear();
        board.state(name, WorkerBoard.State.BUSY);
        long started = System.nanoTime();
        if (delayMillis > 0) {
            sleepWatchingDeadlines();
        }
        long now = System.nanoTime();
        int before = running.size();
        int[] jobsBefore = {count(Stage.ENCODE), count(Stage.DECODE)};
        running.removeIf(p -> now > p.deadlineNanos());
        int cancelled = before - running.size();
        long[] stageNanos = {run(Stage.ENCODE), run(Stage.DECODE)};
        long total = System.nanoTime() - started;
        // the time per job taken (expired ones included: a slow spell must show even when nothing finishes in it);
        // this batch's replies carried the estimate before it
        costMillis = smooth(costMillis, total / 1e6 / before);
        // per stage: its own compute over the jobs it ran, plus every job's share of what was not compute (an injected
        // delay, bookkeeping); a stage whose jobs all expired still takes that share
        double overhead = (total - stageNanos[0] - stageNanos[1]) / 1e6 / before;
        for (Stage st : Stage.values()) {
            int i = st.ordinal();
            if (jobsBefore[i] > 0) {
                int ran = count(st);
                stageCost[i] = smooth(stageCost[i], (ran == 0 ? 0 : stageNanos[i] / 1e6 / ran) + overhead);
            }
        }
        board.stageCosts(name, stageCost[0], stageCost[1]);
        board.processed(name, running.size(), cancelled, costMillis);
        running = List.of();
        board.state(name, queued.isEmpty() ? WorkerBoard.State.IDLE : WorkerBoard.State.BUSY);
        if (!queued.isEmpty()) {
            // what did not fit has waited already: run it next, after the jobs now in the mailbox join it
            flushPending = true;
            getContext().getSelf().tell(new Flush(true, ++round));
        }
        return this;
    }

    /** Rises fast (a slow spell must stop admissions at once), falls slowly (one quick batch is not a recovery). */
    private static double smooth(double average, double newest) {
        if (Double.isNaN(average)) {
            return newest;
        }
        double w = newest > average ? COST_RISE : COST_FALL;
        return (1 - w) * average + w * newest;
    }

    private int count(Stage stage) {
        int n = 0;
        for (Pending p : running) {
            n += p.job().stage() == stage ? 1 : 0;
        }
        return n;
    }

    /** Runs the batch's jobs of one stage; returns the nanoseconds it took. */
    private long run(Stage stage) {
        List<Pending> batch = running.stream().filter(p -> p.job().stage() == stage).toList();
        if (batch.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        List<Payload> in = batch.stream().map(p -> p.job().payload()).toList();
        List<RouteEngine.Outcome> out;
        try {
            out = computing(() -> stage == Stage.ENCODE ? engine.encode(modality, in) : engine.decode(modality, in, batch.get(0).job().requestId()));
        } catch (IllegalArgumentException e) {
            // bad input that slipped past the per-item checks: answer, don't crash the worker
            batch.forEach(p -> reply(p.job(), RouteEngine.Outcome.failed(e.getMessage())));
            return System.nanoTime() - t0;
        }
        long took = System.nanoTime() - t0;
        for (int i = 0; i < batch.size(); i++) {
            reply(batch.get(i).job(), out.get(i));
        }
        return took;
    }

    /** Runs model work holding one of the node's compute permits (the wait for one counts in the stage's time). */
    private <T> T computing(Supplier<T> work) {
        compute.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            compute.release();
        }
    }

    private void computing(Runnable work) {
        computing(() -> {
            work.run();
            return null;
        });
    }

    private void reply(Job job, RouteEngine.Outcome o) {
        job.replyTo().tell(new JobResult(job.requestId(), job.stage(), o.payload(), o.note(), o.error(), name, o.notUnderstood(),
                stageCost[job.stage().ordinal()]));
    }

    /** The injected slowness, in slices: stop waiting once every job in hand is past its deadline. */
    private void sleepWatchingDeadlines() {
        long end = System.nanoTime() + delayMillis * 1_000_000L;
        try {
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (running.stream().allMatch(p -> now > p.deadlineNanos())) {
                    return;
                }
                Thread.sleep(Math.max(1, Math.min(20, (end - now) / 1_000_000L)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Behavior<Command> failInHand(String what) {
        closeWindow();
        List<Pending> all = new ArrayList<>(running);
        all.addAll(queued);
        for (Pending p : all) {
            reply(p.job(), RouteEngine.Outcome.failed("the " + modality.word() + " worker " + name + " crashed and is " + what
                    + "; this request was in its hands"));
        }
        running = List.of();
        queued.clear();
        if (what.equals("restarting")) {
            board.restarted(name);
        }
        return this;
    }
}
