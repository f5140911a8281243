package org.reflectlab.core.cluster;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A job worker: registers with the receptionist so coordinators anywhere in the cluster find it,
 * holds at most one job at a time and asks for the next by reporting the last one done (work
 * pulling: a slow node simply asks less often). The job runs on the worker's own thread, which
 * owns the worker's copy of the models; the actor stays free to hear a cancel meanwhile.
 *
 * <p>Before its first job from a coordinator it compares the coordinator's model checksums with
 * its own and refuses, saying which models differ, rather than produce rows from other weights.
 */
public final class JobWorker extends AbstractBehavior<JobWorker.Command> {

    public interface Command {
    }

    /** Run this job; {@code requirement} is the coordinator's model fingerprint ("" = no check). */
    public record Assign(long jobId, String kind, byte[] body, String requirement, ActorRef<JobCoordinator.Command> from)
            implements Command, JobMessage {
    }

    /** Stop the job if it is still running; what is complete comes back as its result. */
    public record Cancel(long jobId) implements Command, JobMessage {
    }

    private record Finished(long jobId, byte[] result, String error, boolean refused, long millis) implements Command {
    }

    /** What a worker tells its node (for the CLI to print): refusals and jobs finished. */
    public interface Events {
        void notice(String message);

        void finished(String kind, long millis);
    }

    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "reflectlab-job-worker");

    private final String name;
    private final JobHandler.Factory factory;
    private final String fingerprint;
    private final Events events;
    private final ExecutorService thread;
    private JobHandler handler;
    private String broken;
    private long current = -1;
    private ActorRef<JobCoordinator.Command> currentFrom;
    private AtomicBoolean cancelCurrent = new AtomicBoolean();
    /** Coordinators that found this worker busy and wait to hear it is free. */
    private final Set<ActorRef<JobCoordinator.Command>> waiting = new LinkedHashSet<>();

    static Behavior<Command> create(String name, JobHandler.Factory factory, String fingerprint, Events events) {
        return Behaviors.setup(ctx -> new JobWorker(ctx, name, factory, fingerprint, events));
    }

    private JobWorker(ActorContext<Command> ctx, String name, JobHandler.Factory factory, String fingerprint, Events events) {
        super(ctx);
        this.name = name;
        this.factory = factory;
        this.fingerprint = fingerprint == null ? "" : fingerprint;
        this.events = events;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reflectlab-" + name);
            t.setDaemon(true);
            return t;
        });
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Assign.class, this::onAssign)
                .onMessage(Cancel.class, c -> {
                    if (c.jobId() == current) {
                        cancelCurrent.set(true);
                    }
                    return this;
                })
                .onMessage(Finished.class, this::onFinished)
                .onSignal(PostStop.class, s -> {
                    cancelCurrent.set(true);
                    thread.shutdownNow();
                    return this;
                })
                .build();
    }

    private Behavior<Command> onAssign(Assign a) {
        if (current >= 0) {
            waiting.add(a.from());
            a.from().tell(new JobCoordinator.Busy(a.jobId(), getContext().getSelf()));
            return this;
        }
        String mismatch = mismatch(a.requirement(), fingerprint);
        if (mismatch != null) {
            String why = "worker " + name + " refuses jobs: its models differ from the coordinator's (" + mismatch
                    + "). Copy the coordinator's models folder to this machine and start the worker again.";
            events.notice(why);
            a.from().tell(new JobCoordinator.Done(a.jobId(), getContext().getSelf(), null, why, true, 0));
            return this;
        }
        if (broken != null) {
            a.from().tell(new JobCoordinator.Done(a.jobId(), getContext().getSelf(), null, broken, true, 0));
            return this;
        }
        current = a.jobId();
        currentFrom = a.from();
        AtomicBoolean cancel = new AtomicBoolean();
        cancelCurrent = cancel;
        ActorRef<Command> self = getContext().getSelf();
        thread.execute(() -> self.tell(runOnThread(a, cancel)));
        return this;
    }

    /** On the worker's thread: loads the models once, then runs the job. */
    private Finished runOnThread(Assign a, AtomicBoolean cancel) {
        long t0 = System.nanoTime();
        if (handler == null) {
            try {
                handler = factory.create();
            } catch (Exception | LinkageError e) {
                return new Finished(a.jobId(), null, "worker " + name + " could not load its models: " + message(e), true, 0);
            }
        }
        try {
            byte[] out = handler.run(a.kind(), a.body(), cancel::get);
            return new Finished(a.jobId(), out, null, false, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            return new Finished(a.jobId(), null, "worker " + name + ": " + message(e), false, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private Behavior<Command> onFinished(Finished f) {
        if (f.refused()) {
            broken = f.error();
            events.notice(f.error());
        } else if (f.error() == null) {
            events.finished(name, f.millis());
        }
        ActorRef<JobCoordinator.Command> from = currentFrom;
        current = -1;
        currentFrom = null;
        from.tell(new JobCoordinator.Done(f.jobId(), getContext().getSelf(), f.result(), f.error(), f.refused(), f.millis()));
        for (ActorRef<JobCoordinator.Command> c : waiting) {
            if (!c.equals(from)) {
                c.tell(new JobCoordinator.Ready(getContext().getSelf()));
            }
        }
        waiting.clear();
        return this;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Null when the coordinator's fingerprint is empty or equal to ours; otherwise which models
     * differ. Fingerprints are lines "model=sha256".
     */
    static String mismatch(String required, String have) {
        if (required == null || required.isEmpty() || required.equals(have)) {
            return null;
        }
        Map<String, String> want = parse(required);
        Map<String, String> got = parse(have);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : want.entrySet()) {
            String mine = got.get(e.getKey());
            if (!e.getValue().equals(mine)) {
                sb.append(sb.length() == 0 ? "" : "; ").append(e.getKey()).append(": coordinator ").append(shortSha(e.getValue()))
                        .append(", this machine ").append(mine == null ? "missing" : shortSha(mine));
            }
        }
        for (String k : got.keySet()) {
            if (!want.containsKey(k)) {
                sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": only on this machine");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String shortSha(String s) {
        return s.isEmpty() ? "(none)" : s.substring(0, Math.min(12, s.length()));
    }

    private static Map<String, String> parse(String fingerprint) {
        Map<String, String> m = new TreeMap<>();
        for (String line : fingerprint.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    /** The canonical fingerprint of model checksums: sorted "model=sha256" lines. */
    public static String fingerprint(Map<String, ?> models) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(models).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
