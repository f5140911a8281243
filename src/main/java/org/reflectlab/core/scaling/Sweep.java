package org.reflectlab.core.scaling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.reflect.Feedback;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;

/**
 * Runs methods x K x prompts and appends every scored image to a {@link SweepStore}; prompts
 * already stored are skipped, so a cancelled or crashed sweep resumes where it stopped.
 *
 * <p>Best-of-N and Reflect-DiT are each run once per prompt at the largest K, and the answer at a
 * smaller K is read off that run: best-of-N at K is the critic's pick among the first K of the same
 * samples, and reflection iteration k never depends on how many iterations were allowed. This is
 * exactly what separate runs would give, at a fraction of the time. Test-time training splits its
 * budget by K, so it runs once per K.
 */
public final class Sweep {

    /** Progress in images drawn, out of the images the remaining work needs. */
    public interface Listener {
        void progress(long imagesDone, long imagesTotal, String message);
    }

    private final List<Worker> workers;

    /** One worker's networks: a Reflector owns its graphs and is used from one thread at a time. */
    private record Worker(Reflector reflector, TestTimeTraining ttt) {
    }

    public Sweep(Reflector reflector) {
        this(List.of(reflector));
    }

    /**
     * Runs prompts on as many threads as there are reflectors (each a separate copy of the
     * models). Every prompt's seed comes from its place in the list, so the rows are the same
     * whatever the number of workers; only the order they are stored in differs.
     */
    public Sweep(List<Reflector> reflectors) {
        if (reflectors.isEmpty()) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.workers = reflectors.stream().map(r -> new Worker(r, new TestTimeTraining(r))).toList();
    }

    /** Runs what is not yet stored; returns the number of rows written now. */
    public int run(SweepStore store, List<PromptSet.Prompt> prompts, Listener listener, BooleanSupplier cancelled)
            throws IOException {
        SweepSettings s = store.settings();
        Set<String> done = doneKeys(store.rows(), s);
        long total = 0;
        for (PromptSet.Prompt p : prompts) {
            for (Method m : s.methods()) {
                if (!done.contains(p.id() + "|" + m.id())) {
                    total += imagesFor(m, s);
                }
            }
        }
        Progress progress = new Progress(listener, total);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || failed.get();
        List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
        for (Worker w : workers) {
            jobs.add(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < prompts.size() && !stop.getAsBoolean(); i = next.getAndIncrement()) {
                        written.addAndGet(runPrompt(w, store, prompts.get(i), PromptSet.entrySeed(s.seed(), i), done, progress, stop));
                    }
                    return null;
                } catch (IOException | RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            });
        }
        if (jobs.size() == 1) {
            try {
                jobs.get(0).call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            return written.get();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs.size(), r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return written.get();
    }

    /** Progress from several workers, reported one at a time. */
    private static final class Progress {
        private final Listener listener;
        private final long total;
        private long images;

        Progress(Listener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void starting(String what) {
            listener.progress(images, total, what);
        }

        synchronized void finished(long more, String what) {
            images += more;
            listener.progress(images, total, what);
        }
    }

    private int runPrompt(Worker w, SweepStore store, PromptSet.Prompt p, long seed, Set<String> done, Progress progress,
                          BooleanSupplier cancelled) throws IOException {
        SweepSettings s = store.settings();
        int written = 0;
        for (Method m : s.methods()) {
            if (cancelled.getAsBoolean()) {
                return written;
            }
            if (done.contains(p.id() + "|" + m.id())) {
                continue;
            }
            String what = m.label() + " on '" + p.text() + "'";
            progress.starting(what);
            List<SweepRow> rows = switch (m) {
                case BEST_OF_N -> bestOfN(w.reflector(), p, seed, s, cancelled);
                case REFLECT -> reflect(w.reflector(), p, seed, s, cancelled);
                case TEST_TIME_TRAINING -> testTimeTraining(w.ttt(), p, seed, s, cancelled);
            };
            if (cancelled.getAsBoolean()) {
                // a prompt cut short would store answers made with less than their budget
                return written;
            }
            store.append(rows);
            written += rows.size();
            progress.finished(imagesFor(m, s), what);
        }
        return written;
    }

    /** Prompts whose every K is stored for a method, as "promptId|method". */
    static Set<String> doneKeys(List<SweepRow> rows, SweepSettings s) {
        java.util.Map<String, Set<Integer>> ks = new java.util.HashMap<>();
        for (SweepRow r : rows) {
            ks.computeIfAbsent(r.promptId() + "|" + r.method().id(), x -> new HashSet<>()).add(r.k());
        }
        Set<String> done = new HashSet<>();
        ks.forEach((key, have) -> {
            if (have.containsAll(s.ks())) {
                done.add(key);
            }
        });
        return done;
    }

    static long imagesFor(Method m, SweepSettings s) {
        return m == Method.TEST_TIME_TRAINING ? s.ks().stream().mapToLong(Integer::longValue).sum() : s.maxK();
    }

    private static List<SweepRow> bestOfN(Reflector reflector, PromptSet.Prompt p, long seed, SweepSettings s,
                                          BooleanSupplier cancelled) {
        Reflector.BestOfN run = reflector.bestOfN(p.caption(), s.maxK(), seed, s.samplingSteps(), s.guidance(), cancelled);
        List<SweepRow> rows = new ArrayList<>();
        for (int k : s.ks()) {
            if (run.candidates().size() < k) {
                break;
            }
            List<Iteration> first = run.candidates().subList(0, k);
            Iteration chosen = first.get(criticPick(first));
            long millis = first.stream().mapToLong(Iteration::millis).sum();
            rows.add(row(p, Method.BEST_OF_N, k, seed, first.get(k - 1).nfe(), chosen, k, millis));
        }
        return rows;
    }

    private static List<SweepRow> reflect(Reflector reflector, PromptSet.Prompt p, long seed, SweepSettings s,
                                          BooleanSupplier cancelled) {
        ReflectionRun run = reflector.reflect(p.caption(), new ReflectSettings(s.maxK(), seed, s.samplingSteps(),
                s.contextSize(), true, s.guidance()), it -> { }, cancelled);
        List<SweepRow> rows = new ArrayList<>();
        for (int k : s.ks()) {
            List<Iteration> upTo = run.iterations().stream().filter(it -> it.k() <= k).toList();
            if (upTo.isEmpty()) {
                break;
            }
            Iteration last = upTo.get(upTo.size() - 1);
            long millis = upTo.stream().mapToLong(Iteration::millis).sum();
            rows.add(row(p, Method.REFLECT, k, seed, last.nfe(), last, upTo.size(), millis));
        }
        return rows;
    }

    private static List<SweepRow> testTimeTraining(TestTimeTraining ttt, PromptSet.Prompt p, long seed, SweepSettings s,
                                                   BooleanSupplier cancelled) {
        List<SweepRow> rows = new ArrayList<>();
        for (int k : s.ks()) {
            long t0 = System.nanoTime();
            TestTimeTraining.Outcome o = ttt.run(p.caption(), k, seed, s.samplingSteps(), s.guidance(), cancelled);
            if (cancelled.getAsBoolean()) {
                break;
            }
            rows.add(row(p, Method.TEST_TIME_TRAINING, k, seed, o.nfe(), o.choice(), o.samples().size(),
                    (System.nanoTime() - t0) / 1_000_000));
        }
        return rows;
    }

    /** Best-of-N's rule: fewest critic complaints, the first such on a tie. */
    static int criticPick(List<Iteration> candidates) {
        int best = 0;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> fb = candidates.get(i).feedback();
            int score = Feedback.isCorrect(fb) ? 1 : -fb.size();
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static SweepRow row(PromptSet.Prompt p, Method m, int k, long seed, double nfe, Iteration answer, int images,
                                long millis) {
        return new SweepRow(p.id(), p.category(), p.text(), m, k, seed, nfe, answer.judgeCorrect() ? 1 : 0,
                answer.criticSaysCorrect(), images, millis);
    }
}
