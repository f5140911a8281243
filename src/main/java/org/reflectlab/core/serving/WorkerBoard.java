package org.reflectlab.core.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What each worker is doing, as its node sees it: written by the workers (state, counts) and the
 * router (in-flight requests per worker), read by the UI and the CLI. Lock-free; values are a
 * moment's picture, not a transaction.
 */
public final class WorkerBoard {

    public enum State {
        STARTING, IDLE, BUSY, RESTARTING, DEGRADED, REMOTE
    }

    /** Upper bounds of the batch-size buckets (the last bucket holds everything larger). */
    public static final int[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64};

    /**
     * One worker's current picture.
     *
     * @param costMillis its recent time per job (NaN before its first batch, and for workers on other nodes)
     * @param batchSizes batches per size bucket ({@link #BATCH_BOUNDS}, then one for larger)
     * @param stageMillis its recent time per job of each {@link Stage} (NaN before a batch of that stage)
     */
    public record View(String name, Modality modality, String node, State state, int inFlight, int restarts,
                       long processed, long batches, long cancelled, long delayMillis, double costMillis, long[] batchSizes,
                       double[] stageMillis) {

        public double meanBatch() {
            return batches == 0 ? 0 : processed / (double) batches;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof View v && name.equals(v.name) && modality == v.modality && node.equals(v.node) && state == v.state
                    && inFlight == v.inFlight && restarts == v.restarts && processed == v.processed && batches == v.batches
                    && cancelled == v.cancelled && delayMillis == v.delayMillis && Double.compare(costMillis, v.costMillis) == 0
                    && java.util.Arrays.equals(batchSizes, v.batchSizes) && java.util.Arrays.equals(stageMillis, v.stageMillis);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, state, inFlight, processed, batches);
        }
    }

    private static final class Entry {
        final String name;
        final Modality modality;
        final String node;
        volatile State state = State.STARTING;
        volatile int inFlight;
        volatile int restarts;
        volatile long processed;
        volatile long batches;
        volatile long cancelled;
        volatile long delayMillis;
        volatile double costMillis = Double.NaN;
        volatile double encodeMillis = Double.NaN;
        volatile double decodeMillis = Double.NaN;
        final java.util.concurrent.atomic.AtomicLongArray batchSizes = new java.util.concurrent.atomic.AtomicLongArray(BATCH_BOUNDS.length + 1);

        Entry(String name, Modality modality, String node) {
            this.name = name;
            this.modality = modality;
            this.node = node;
        }
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    private Entry entry(String name, Modality m, String node) {
        return entries.computeIfAbsent(name, n -> new Entry(n, m, node));
    }

    void register(String name, Modality m, String node, State state) {
        entry(name, m, node).state = state;
    }

    void state(String name, State s) {
        Entry e = entries.get(name);
        if (e != null) {
            e.state = s;
        }
    }

    void restarted(String name) {
        Entry e = entries.get(name);
        if (e != null) {
            e.restarts++;
            e.state = State.RESTARTING;
        }
    }

    void processed(String name, int items, int cancelled, double costMillis) {
        Entry e = entries.get(name);
        if (e != null) {
            e.processed += items;
            e.cancelled += cancelled;
            e.costMillis = costMillis;
            if (items > 0) {
                e.batches++;
                int b = 0;
                while (b < BATCH_BOUNDS.length && items > BATCH_BOUNDS[b]) {
                    b++;
                }
                e.batchSizes.incrementAndGet(b);
            }
        }
    }

    void stageCosts(String name, double encodeMillis, double decodeMillis) {
        Entry e = entries.get(name);
        if (e != null) {
            e.encodeMillis = encodeMillis;
            e.decodeMillis = decodeMillis;
        }
    }

    void cancelled(String name, int n) {
        Entry e = entries.get(name);
        if (e != null) {
            e.cancelled += n;
        }
    }

    /** The worker's recent time per job in ms, NaN when unknown. */
    double cost(String name) {
        Entry e = entries.get(name);
        return e == null ? Double.NaN : e.costMillis;
    }

    /** The worker's recent time per job of one stage in ms, NaN when unknown. */
    double cost(String name, Stage stage) {
        Entry e = entries.get(name);
        return e == null ? Double.NaN : stage == Stage.ENCODE ? e.encodeMillis : e.decodeMillis;
    }

    void delay(String name, long millis) {
        Entry e = entries.get(name);
        if (e != null) {
            e.delayMillis = millis;
        }
    }

    void inFlight(String name, Modality m, String node, boolean local, int n) {
        Entry e = local ? entries.get(name) : entry(name, m, node);
        if (e != null) {
            e.inFlight = n;
            if (!local && e.state == State.STARTING) {
                e.state = State.REMOTE;
            }
        }
    }

    void forget(String name) {
        Entry e = entries.get(name);
        if (e != null && e.state == State.REMOTE) {
            entries.remove(name);
        }
    }

    public State state(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.state;
    }

    public List<View> views() {
        List<View> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            long[] sizes = new long[e.batchSizes.length()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = e.batchSizes.get(i);
            }
            out.add(new View(e.name, e.modality, e.node, e.state, e.inFlight, e.restarts, e.processed, e.batches,
                    e.cancelled, e.delayMillis, e.costMillis, sizes, new double[] {e.encodeMillis, e.decodeMillis}));
        }
        out.sort(Comparator.comparing(View::modality).thenComparing(View::node).thenComparing(View::name));
        return out;
    }

    public int totalRestarts() {
        return entries.values().stream().mapToInt(e -> e.restarts).sum();
    }

    public long totalCancelled() {
        return entries.values().stream().mapToLong(e -> e.cancelled).sum();
    }
}
