package org.reflectlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Timings that a 10 % change shows through: many short rounds, each running every work under every candidate
 * one after the other (the candidates' order reversed every other round, so neither always runs first after
 * another work), the warm-up left out, and per work and candidate the median and interquartile range of the
 * rounds' milliseconds per call, plus the median of each round's ratio to the first candidate. A single long
 * mean per candidate, as {@link InferenceBenchmark#run()} takes, moved 50 % between runs on the quiet machine
 * (performance.md); a candidate and its comparison a few milliseconds apart share whatever load there is, and
 * the median ignores the rounds a preemption landed in. Each round also reads the thread's CPU time, which
 * leaves out the time the thread waited for a core.
 */
public final class AlternatingRounds {

    /** A way of running the works (e.g. the current kernels or the reference ones): wraps each round's calls. */
    public record Candidate(String name, Wrapper wrapper) {
    }

    /** Runs a round's calls under a candidate's settings. */
    @FunctionalInterface
    public interface Wrapper {
        <T> T run(Supplier<T> body);
    }

    public record Work(String name, Runnable call, int divisor) {
        /** A work timed per call (divisor 1). */
        public Work(String name, Runnable call) {
            this(name, call, 1);
        }
    }

    /** Median and quartiles of a sample. */
    public record Spread(double median, double q1, double q3) {
        /** The interquartile range as a percentage of the median. */
        public double iqrPercent() {
            return median == 0 ? 0 : 100 * (q3 - q1) / median;
        }

        static Spread of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new Spread(quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75));
        }

        /** Linear interpolation between order statistics (sorted input). */
        static double quantile(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double at = q * (sorted.length - 1);
            int lo = (int) Math.floor(at);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /** One work under one candidate: ms per call (wall and CPU) over the kept rounds, and the ratio to the first candidate. */
    public record Row(String work, String candidate, Spread wallMs, Spread cpuMs, Spread ratio, Spread cpuRatio, double callsPerRound) {
    }

    private final List<Work> works;
    private final List<Candidate> candidates;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    public AlternatingRounds(List<Work> works, List<Candidate> candidates) {
        if (works.isEmpty() || candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one work and one candidate");
        }
        this.works = List.copyOf(works);
        this.candidates = List.copyOf(candidates);
    }

    /**
     * Warm-up for {@code warmupSeconds} (every work under every candidate, not recorded), then {@code rounds} rounds
     * of about {@code roundMs} per work and candidate (at least one call each).
     */
    public List<Row> run(double warmupSeconds, int rounds, double roundMs) {
        if (rounds < 1 || !(roundMs > 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("rounds >= 1, roundMs > 0, warmupSeconds >= 0");
        }
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            for (Work w : works) {
                for (Candidate c : candidates) {
                    round(w, c, Math.max(1, roundMs));
                }
            }
        } while (System.nanoTime() < warmEnd);
        int nw = works.size();
        int nc = candidates.size();
        double[][][] wall = new double[nw][nc][rounds];
        double[][][] cpu = new double[nw][nc][rounds];
        long[][] calls = new long[nw][nc];
        for (int r = 0; r < rounds; r++) {
            for (int w = 0; w < nw; w++) {
                for (int i = 0; i < nc; i++) {
                    int c = r % 2 == 0 ? i : nc - 1 - i;
                    double[] m = round(works.get(w), candidates.get(c), roundMs);
                    wall[w][c][r] = m[0];
                    cpu[w][c][r] = m[1];
                    calls[w][c] += (long) m[2];
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int w = 0; w < nw; w++) {
            for (int c = 0; c < nc; c++) {
                double[] ratio = new double[rounds];
                double[] cpuRatio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = wall[w][c][r] / wall[w][0][r];
                    cpuRatio[r] = cpu[w][c][r] / cpu[w][0][r];
                }
                rows.add(new Row(works.get(w).name(), candidates.get(c).name(), Spread.of(wall[w][c]), Spread.of(cpu[w][c]),
                        Spread.of(ratio), Spread.of(cpuRatio), (double) calls[w][c] / rounds));
            }
        }
        return rows;
    }

    /** Calls for about {@code ms} (at least one): {wall ms per call, CPU ms per call, calls}, divided by the work's divisor. */
    private double[] round(Work w, Candidate c, double ms) {
        return c.wrapper().run(() -> {
            long budget = (long) (ms * 1e6);
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long n = 0;
            long now;
            do {
                w.call().run();
                n++;
                now = System.nanoTime();
            } while (now - t0 < budget);
            double cpuNs = mx.getCurrentThreadCpuTime() - cpu0;
            double per = (double) n * w.divisor();
            return new double[] {(now - t0) / 1e6 / per, cpuNs / 1e6 / per, n};
        });
    }
}
