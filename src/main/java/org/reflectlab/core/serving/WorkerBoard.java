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

    /** One worker's current picture. */
    public record View(String name, Modality modality, String node, State state, int inFlight, int restarts,
                       long processed, long batches, long cancelled, long delayMillis) {
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

    void processed(String name, int items, int cancelled) {
        Entry e = entries.get(name);
        if (e != null) {
            e.processed += items;
            e.batches++;
            e.cancelled += cancelled;
        }
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
            out.add(new View(e.name, e.modality, e.node, e.state, e.inFlight, e.restarts, e.processed, e.batches,
                    e.cancelled, e.delayMillis));
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
