package org.reflectlab.core.serving;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one node's clients saw: per-route latency (completed requests only), how every request
 * ended, per route too, and how fast refusals came. {@code lost} counts requests whose answer never
 * came even after the handler's deadline plus a grace period: it must stay 0. {@code shed} counts the
 * rejections of admission control (overload); {@code partial} the completed answers that left out
 * words of a decoded caption. Thread-safe.
 */
public final class ServingMetrics {

    /** A moment's totals. */
    public record Totals(long sent, long completed, long failed, long timedOut, long rejected, long lost, long shed, long partial) {
        public long ended() {
            return completed + failed + timedOut + rejected + lost;
        }
    }

    /** How a route's requests ended so far. */
    public record RouteCounts(long completed, long failed, long timedOut, long rejected, long shed, long partial) {
    }

    private static final class Counters {
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong shed = new AtomicLong();
        final AtomicLong partial = new AtomicLong();
        final LatencyHistogram latency = new LatencyHistogram();

        RouteCounts counts() {
            return new RouteCounts(completed.get(), failed.get(), timedOut.get(), rejected.get(), shed.get(), partial.get());
        }
    }

    private final ConcurrentMap<String, Counters> routes = new ConcurrentHashMap<>();
    private final Counters all = new Counters();
    private final LatencyHistogram refusals = new LatencyHistogram();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    void sent() {
        sent.incrementAndGet();
    }

    void ended(Reply r, long nanos) {
        Counters c = routes.computeIfAbsent(r.route(), k -> new Counters());
        if (r instanceof Reply.Completed done) {
            count(c, all, x -> x.completed);
            c.latency.record(nanos);
            if (done.notUnderstood() != null) {
                count(c, all, x -> x.partial);
            }
        } else if (r instanceof Reply.Failed) {
            count(c, all, x -> x.failed);
        } else if (r instanceof Reply.TimedOut) {
            count(c, all, x -> x.timedOut);
        } else {
            count(c, all, x -> x.rejected);
            refusals.record(nanos);
            if (((Reply.Rejected) r).shed()) {
                count(c, all, x -> x.shed);
            }
        }
    }

    private static void count(Counters route, Counters total, java.util.function.Function<Counters, AtomicLong> which) {
        which.apply(route).incrementAndGet();
        which.apply(total).incrementAndGet();
    }

    void lost() {
        lost.incrementAndGet();
    }

    public Totals totals() {
        return new Totals(sent.get(), all.completed.get(), all.failed.get(), all.timedOut.get(), all.rejected.get(), lost.get(),
                all.shed.get(), all.partial.get());
    }

    /** Latency histograms of completed requests by route ("text->image"), sorted by route. */
    public Map<String, LatencyHistogram> routes() {
        Map<String, LatencyHistogram> out = new TreeMap<>();
        routes.forEach((k, v) -> {
            if (v.latency.count() > 0) {
                out.put(k, v.latency);
            }
        });
        return out;
    }

    /** How each route's requests ended, sorted by route. */
    public Map<String, RouteCounts> outcomes() {
        Map<String, RouteCounts> out = new TreeMap<>();
        routes.forEach((k, v) -> out.put(k, v.counts()));
        return out;
    }

    /** How long clients waited for a refusal (from the call to the Rejected reply). */
    public LatencyHistogram refusals() {
        return refusals;
    }
}
