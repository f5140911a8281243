package org.reflectlab.core.serving.http;

import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.serving.LatencyHistogram;
import org.reflectlab.core.serving.ServingMetrics;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.Stage;
import org.reflectlab.core.serving.WorkerBoard;

/**
 * A node's metrics in the Prometheus text exposition format (version 0.0.4): requests by route and
 * outcome, latency histograms per route (completed requests), time to refuse, queue depth and batch
 * sizes per worker, restarts. Names follow Prometheus conventions (seconds, _total, _bucket).
 */
final class PrometheusText {

    /** Latency bucket bounds in seconds, 1 ms to 10 s. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private PrometheusText() {
    }

    static String render(ServingNode node) {
        StringBuilder s = new StringBuilder(4096);
        ServingMetrics m = node.metrics();
        ServingMetrics.Totals t = m.totals();
        help(s, "reflectlab_requests_total", "counter", "Requests by route and how they ended (shed = refused by admission control).");
        for (Map.Entry<String, ServingMetrics.RouteCounts> e : m.outcomes().entrySet()) {
            ServingMetrics.RouteCounts c = e.getValue();
            String r = e.getKey();
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"completed\"", c.completed());
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"failed\"", c.failed());
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"timed_out\"", c.timedOut());
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"shed\"", c.shed());
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"rejected_other\"", c.rejected() - c.shed());
            line(s, "reflectlab_requests_total", "route=\"" + r + "\",outcome=\"partial\"", c.partial());
        }
        help(s, "reflectlab_requests_lost_total", "counter", "Requests whose answer never came (must stay 0).");
        line(s, "reflectlab_requests_lost_total", "", t.lost());
        help(s, "reflectlab_request_duration_seconds", "histogram", "Latency of completed requests per route, at the node.");
        for (Map.Entry<String, LatencyHistogram> e : m.routes().entrySet()) {
            histogram(s, "reflectlab_request_duration_seconds", "route=\"" + e.getKey() + "\"", e.getValue());
        }
        help(s, "reflectlab_refusal_duration_seconds", "histogram", "Time to answer a refused request.");
        histogram(s, "reflectlab_refusal_duration_seconds", "", m.refusals());
        help(s, "reflectlab_worker_queue_depth", "gauge", "Jobs a worker holds now (queued or running).");
        for (WorkerBoard.View v : node.board().views()) {
            line(s, "reflectlab_worker_queue_depth", worker(v), v.inFlight());
        }
        help(s, "reflectlab_worker_restarts_total", "counter", "Restarts of a worker by its supervisor.");
        for (WorkerBoard.View v : node.board().views()) {
            line(s, "reflectlab_worker_restarts_total", worker(v), v.restarts());
        }
        help(s, "reflectlab_worker_jobs_cancelled_total", "counter", "Jobs dropped at a worker because their deadline had passed.");
        for (WorkerBoard.View v : node.board().views()) {
            line(s, "reflectlab_worker_jobs_cancelled_total", worker(v), v.cancelled());
        }
        help(s, "reflectlab_worker_job_seconds", "gauge", "A worker's recent time per job (its batches' time over their jobs).");
        for (WorkerBoard.View v : node.board().views()) {
            if (!Double.isNaN(v.costMillis())) {
                line(s, "reflectlab_worker_job_seconds", worker(v), v.costMillis() / 1000);
            }
        }
        help(s, "reflectlab_worker_stage_job_seconds", "gauge", "A worker's recent time per job of one stage (encode, decode): what admission predicts with.");
        for (WorkerBoard.View v : node.board().views()) {
            for (Stage st : Stage.values()) {
                double ms = v.stageMillis()[st.ordinal()];
                if (!Double.isNaN(ms)) {
                    line(s, "reflectlab_worker_stage_job_seconds", worker(v) + ",stage=\"" + st.name().toLowerCase(java.util.Locale.ROOT) + "\"", ms / 1000);
                }
            }
        }
        help(s, "reflectlab_worker_batch_size", "histogram", "Jobs per batch a worker ran.");
        for (WorkerBoard.View v : node.board().views()) {
            long cum = 0;
            for (int i = 0; i < WorkerBoard.BATCH_BOUNDS.length; i++) {
                cum += v.batchSizes()[i];
                line(s, "reflectlab_worker_batch_size_bucket", worker(v) + ",le=\"" + WorkerBoard.BATCH_BOUNDS[i] + "\"", cum);
            }
            line(s, "reflectlab_worker_batch_size_bucket", worker(v) + ",le=\"+Inf\"", v.batches());
            line(s, "reflectlab_worker_batch_size_sum", worker(v), v.processed());
            line(s, "reflectlab_worker_batch_size_count", worker(v), v.batches());
        }
        return s.toString();
    }

    private static String worker(WorkerBoard.View v) {
        return "worker=\"" + v.name() + "\",modality=\"" + v.modality().word() + "\"";
    }

    private static void histogram(StringBuilder s, String name, String labels, LatencyHistogram h) {
        String sep = labels.isEmpty() ? "" : labels + ",";
        for (double b : BOUNDS) {
            line(s, name + "_bucket", sep + "le=\"" + b + "\"", h.countAtMost(b * 1000));
        }
        line(s, name + "_bucket", sep + "le=\"+Inf\"", h.count());
        line(s, name + "_sum", labels, h.sumMillis() / 1000);
        line(s, name + "_count", labels, h.count());
    }

    private static void help(StringBuilder s, String name, String type, String help) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder s, String name, String labels, double v) {
        s.append(name);
        if (!labels.isEmpty()) {
            s.append('{').append(labels).append('}');
        }
        s.append(' ').append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v))
                .append('\n');
    }
}
