package org.reflectlab.core.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * Hands out jobs. It learns the workers from the receptionist (on this node or anywhere in the
 * cluster), watches them, and gives a job to each worker that is free; a worker reports a job done
 * and with that asks for the next. A job whose worker leaves or dies is queued again (at-least-once:
 * the first result wins, a late second one is dropped); a job that fails is retried up to
 * {@link #ATTEMPTS} times, then reported failed. A worker that refuses (other models) gets no more.
 */
public final class JobCoordinator extends AbstractBehavior<JobCoordinator.Command> {

    public interface Command {
    }

    record Submit(JobRun run) implements Command {
    }

    record CancelRun(JobRun run) implements Command {
    }

    /** A worker's answer: its result, or an error; {@code refused} = it takes no jobs from this coordinator. */
    public record Done(long jobId, ActorRef<JobWorker.Command> worker, byte[] result, String error, boolean refused, long millis)
            implements Command, JobMessage {
    }

    /** The worker already holds a job (of another coordinator): give this one to someone else. */
    public record Busy(long jobId, ActorRef<JobWorker.Command> worker) implements Command, JobMessage {
    }

    /** The worker that was busy is free now. */
    public record Ready(ActorRef<JobWorker.Command> worker) implements Command, JobMessage {
    }

    private record Listed(Receptionist.Listing listing) implements Command {
    }

    private record Gone(ActorRef<JobWorker.Command> worker) implements Command {
    }

    static final int ATTEMPTS = 3;

    private static final class Job {
        final long id;
        final JobRun run;
        final int index;
        int attempts;
        long assignedNanos;
        ActorRef<JobWorker.Command> worker;

        Job(long id, JobRun run, int index) {
            this.id = id;
            this.run = run;
            this.index = index;
        }

        JobSpec spec() {
            return run.jobs().get(index);
        }
    }

    private static final class W {
        final String name;
        final String node;
        Job job;
        boolean away;
        boolean refused;

        W(String name, String node) {
            this.name = name;
            this.node = node;
        }
    }

    private final JobBoard board;
    private final String here;
    private final Deque<Job> queue = new ArrayDeque<>();
    /** Jobs not yet finished (queued or running), by id. */
    private final Map<Long, Job> open = new HashMap<>();
    private final Map<ActorRef<JobWorker.Command>, W> workers = new LinkedHashMap<>();
    private long nextId;

    static Behavior<Command> create(JobBoard board, String here) {
        return Behaviors.setup(ctx -> new JobCoordinator(ctx, board, here));
    }

    private JobCoordinator(ActorContext<Command> ctx, JobBoard board, String here) {
        super(ctx);
        this.board = board;
        this.here = here;
        ActorRef<Receptionist.Listing> adapter = ctx.messageAdapter(Receptionist.Listing.class, Listed::new);
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(JobWorker.KEY, adapter));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(CancelRun.class, this::onCancel)
                .onMessage(Done.class, this::onDone)
                .onMessage(Busy.class, this::onBusy)
                .onMessage(Ready.class, r -> {
                    W w = workers.get(r.worker());
                    if (w != null) {
                        w.away = false;
                        show(w);
                    }
                    return dispatch();
                })
                .onMessage(Listed.class, this::onListed)
                .onMessage(Gone.class, g -> {
                    gone(g.worker());
                    return dispatch();
                })
                .build();
    }

    private Behavior<Command> onSubmit(Submit s) {
        for (int i = 0; i < s.run().jobs().size(); i++) {
            Job j = new Job(nextId++, s.run(), i);
            open.put(j.id, j);
            queue.addLast(j);
        }
        return dispatch();
    }

    private Behavior<Command> onCancel(CancelRun c) {
        queue.removeIf(j -> {
            if (j.run == c.run()) {
                finish(j, null, null, true, null);
                return true;
            }
            return false;
        });
        for (Job j : open.values()) {
            if (j.run == c.run() && j.worker != null) {
                j.worker.tell(new JobWorker.Cancel(j.id));
            }
        }
        board.queued(queue.size());
        return this;
    }

    private Behavior<Command> onDone(Done d) {
        W w = workers.get(d.worker());
        if (w != null && w.job != null && w.job.id == d.jobId()) {
            w.job = null;
        }
        if (w != null) {
            w.away = false; // a worker that answers is free
            w.refused |= d.refused();
        }
        Job j = open.get(d.jobId());
        if (j == null) {
            board.duplicate(); // its first run came back before this one: at-least-once, first wins
        } else if (d.refused()) {
            requeue(j, d.worker(), true);
            if (usable() == 0) {
                // nobody can run it: say so rather than wait forever
                finish(j, null, d.error(), false, w);
                queue.remove(j);
            }
        } else if (d.error() != null) {
            j.attempts++;
            if (j.attempts >= ATTEMPTS || j.run.cancelled()) {
                queue.remove(j);
                finish(j, null, d.error() + (j.attempts > 1 ? " (after " + j.attempts + " attempts)" : ""), false, w);
            } else {
                requeue(j, d.worker(), false);
            }
        } else {
            queue.remove(j);
            if (j.worker != null && !j.worker.equals(d.worker())) {
                // a second run of it is under way: stop it (that worker stays busy until it answers; the answer is dropped)
                j.worker.tell(new JobWorker.Cancel(j.id));
            }
            if (w != null) {
                board.done(w.name);
            }
            finish(j, d.result(), null, false, w, d.millis());
        }
        if (w != null) {
            show(w);
        }
        return dispatch();
    }

    private Behavior<Command> onBusy(Busy b) {
        W w = workers.get(b.worker());
        if (w != null) {
            w.away = true;
            if (w.job != null && w.job.id == b.jobId()) {
                w.job = null;
            }
            show(w);
        }
        Job j = open.get(b.jobId());
        if (j != null) {
            requeue(j, b.worker(), true);
        }
        return dispatch();
    }

    private Behavior<Command> onListed(Listed l) {
        Set<ActorRef<JobWorker.Command>> now = new HashSet<>(l.listing().getServiceInstances(JobWorker.KEY));
        for (ActorRef<JobWorker.Command> ref : now) {
            if (!workers.containsKey(ref)) {
                W w = new W(name(ref), node(ref));
                workers.put(ref, w);
                getContext().watchWith(ref, new Gone(ref));
                show(w);
            }
        }
        for (ActorRef<JobWorker.Command> ref : Set.copyOf(workers.keySet())) {
            if (!now.contains(ref)) {
                gone(ref); // unreachable or left; if it comes back its late answer is a duplicate
            }
        }
        return dispatch();
    }

    private void gone(ActorRef<JobWorker.Command> ref) {
        W w = workers.remove(ref);
        if (w == null) {
            return;
        }
        board.gone(w.name);
        if (w.job != null && open.containsKey(w.job.id) && w.job.worker != null && w.job.worker.equals(ref)) {
            Job j = w.job;
            if (j.run.cancelled()) {
                finish(j, null, null, true, null);
            } else {
                requeue(j, ref, true);
            }
        }
    }

    private void requeue(Job j, ActorRef<JobWorker.Command> from, boolean front) {
        if (j.worker != null && !j.worker.equals(from)) {
            return; // already running elsewhere
        }
        j.worker = null;
        if (!queue.contains(j)) {
            if (front) {
                queue.addFirst(j);
            } else {
                queue.addLast(j);
            }
        }
        board.countRequeue();
        board.queued(queue.size());
    }

    private void finish(Job j, byte[] result, String error, boolean cancelled, W w) {
        finish(j, result, error, cancelled, w, 0);
    }

    private void finish(Job j, byte[] result, String error, boolean cancelled, W w, long runMillis) {
        open.remove(j.id);
        double roundTrip = j.assignedNanos == 0 ? 0 : (System.nanoTime() - j.assignedNanos) / 1e6;
        j.run.deliver(new JobRun.Outcome(j.index, result, error, cancelled, w == null ? null : w.name, w == null ? null : w.node,
                runMillis, roundTrip));
    }

    private int usable() {
        return (int) workers.values().stream().filter(w -> !w.refused).count();
    }

    private Behavior<Command> dispatch() {
        for (Map.Entry<ActorRef<JobWorker.Command>, W> e : workers.entrySet()) {
            W w = e.getValue();
            if (queue.isEmpty()) {
                break;
            }
            if (w.job != null || w.away || w.refused) {
                continue;
            }
            Job j = queue.pollFirst();
            j.worker = e.getKey();
            j.assignedNanos = System.nanoTime();
            w.job = j;
            JobSpec s = j.spec();
            e.getKey().tell(new JobWorker.Assign(j.id, s.kind(), s.body(), j.run.requirement(), getContext().getSelf()));
            show(w);
        }
        board.queued(queue.size());
        return this;
    }

    private void show(W w) {
        JobBoard.State s = w.refused ? JobBoard.State.REFUSED : w.job != null ? JobBoard.State.BUSY
                : w.away ? JobBoard.State.AWAY : JobBoard.State.IDLE;
        board.worker(w.name, w.node, s, w.job == null ? null : w.job.spec().label());
    }

    private String node(ActorRef<?> ref) {
        return ref.path().address().hasLocalScope() ? here : PekkoSetup.hostPort(ref.path().address());
    }

    private String name(ActorRef<?> ref) {
        return ref.path().name() + "@" + node(ref);
    }
}
