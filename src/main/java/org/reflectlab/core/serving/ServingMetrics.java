package org.reflectlab.core.serving;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one node's clients saw: per-route latency (completed requests only) and how every request
 * ended. {@code lost} counts requests whose answer never came even after the handler's deadline
 * plus a grace period: it must stay 0. Thread-safe.
 */
public final class ServingMetrics {

    /** A moment's totals. */
    public record Totals(long sent, long completed, long failed, long timedOut, long rejected, long lost) {
        public long ended() {
            return completed + failed + timedOut + rejected + lost;
        }
    }

    private final ConcurrentMap<String, LatencyHistogram> routes = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    void sent() {
        sent.incrementAndGet();
    }

    void ended(Reply r, long nanos) {
        if (r instanceof Reply.Completed) {
            completed.incrementAndGet();
            routes.computeIfAbsent(r.route(), k -> new LatencyHistogram()).record(nanos);
        } else if (r instanceof Reply.Failed) {
            failed.incrementAndGet();
        } else if (r instanceof Reply.TimedOut) {
            timedOut.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
    }

    void lost() {
        lost.incrementAndGet();
    }

    public Totals totals() {
        return new Totals(sent.get(), completed.get(), failed.get(), timedOut.get(), rejected.get(), lost.get());
    }

    /** Latency histograms by route ("text->image"), sorted by route. */
    public Map<String, LatencyHistogram> routes() {
        return new TreeMap<>(routes);
    }
}
