package org.reflectlab.core.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.reflectlab.core.text.Phrase;

/**
 * The coordinator's picture of its workers, for the UI and the CLI: per worker its node, state,
 * jobs done and the job in hand; the jobs queued; what was re-run. Written by the coordinator
 * only, read from anywhere; a moment's picture, not a transaction.
 */
public final class JobBoard {

    /** AWAY: busy with another coordinator's job; GONE: left the cluster or died (its jobs were queued again). */
    public enum State { IDLE, BUSY, AWAY, REFUSED, GONE }

    public record WorkerView(String name, String node, State state, long done, String job) {
    }

    /** Jobs done and running per node; nodes do not queue (a worker holds one job), the coordinator does. */
    public record NodeView(String node, int workers, long done, int running, boolean gone) {
    }

    private record Entry(String name, String node, State state, long done, String job) {
    }

    private final ConcurrentMap<String, Entry> workers = new ConcurrentHashMap<>();
    private volatile int queued;
    private final AtomicLong requeued = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    void worker(String name, String node, State state, String job) {
        workers.compute(name, (k, e) -> new Entry(name, node, state, e == null ? 0 : e.done(), job));
    }

    void done(String name) {
        workers.computeIfPresent(name, (k, e) -> new Entry(e.name(), e.node(), e.state(), e.done() + 1, e.job()));
    }

    void gone(String name) {
        Entry e = workers.get(name);
        if (e != null && e.state() != State.GONE) {
            workers.put(name, new Entry(name, e.node(), State.GONE, e.done(), null));
            lost.incrementAndGet();
        }
    }

    void queued(int n) {
        queued = n;
    }

    void countRequeue() {
        requeued.incrementAndGet();
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    public List<WorkerView> workers() {
        List<WorkerView> out = new ArrayList<>();
        workers.values().forEach(e -> out.add(new WorkerView(e.name(), e.node(), e.state(), e.done(), e.job())));
        out.sort(Comparator.comparing(WorkerView::node).thenComparing(WorkerView::name));
        return out;
    }

    public List<NodeView> nodes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (WorkerView w : workers()) {
            long[] a = m.computeIfAbsent(w.node(), n -> new long[4]);
            a[0] += w.state() == State.GONE ? 0 : 1;
            a[1] += w.done();
            a[2] += w.state() == State.BUSY ? 1 : 0;
        }
        List<NodeView> out = new ArrayList<>();
        m.forEach((n, a) -> out.add(new NodeView(n, (int) a[0], a[1], (int) a[2], a[0] == 0)));
        return out;
    }

    /** Workers that take jobs now (not refused). */
    public int usableWorkers() {
        return (int) workers.values().stream().filter(e -> e.state() != State.REFUSED && e.state() != State.GONE).count();
    }

    public int queued() {
        return queued;
    }

    /** Jobs put back in the queue because their worker left, was busy or failed. */
    public long requeued() {
        return requeued.get();
    }

    /** Results that arrived for a job already done (a re-run whose first run came back after all): dropped. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Workers that left while the coordinator knew them. */
    public long workersLost() {
        return lost.get();
    }

    /** "node a: 3 done, 1 running; node b: ...; 12 queued" */
    public String summary() {
        return said().english();
    }

    /** {@link #summary()} as a phrase, for the app to say in the chosen language. */
    public Phrase said() {
        List<Phrase> each = new ArrayList<>();
        for (NodeView n : nodes()) {
            each.add(n.gone() ? new Phrase("scaling.board.node-left", n.node(), n.done(), n.running())
                    : new Phrase(n.workers() == 1 ? "scaling.board.node-one" : "scaling.board.node", n.node(), n.done(), n.running(),
                            n.workers()));
        }
        return new Phrase("scaling.board", each.isEmpty() ? new Phrase("scaling.board.no-workers")
                : Phrase.join("scaling.board.nodes", each), queued);
    }
}
