package org.reflectlab.core.scaling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;

/**
 * Runs methods x K x prompts and appends every scored image to a {@link SweepStore}; prompts
 * already stored are skipped, so a cancelled or crashed sweep resumes where it stopped.
 *
 * <p>How each method's answers at every K come from as few runs as possible: {@link MethodRunner}.
 */
public final class Sweep {

    /** Progress in images drawn, out of the images the remaining work needs. */
    public interface Listener {
        void progress(long imagesDone, long imagesTotal, String message);
    }

    /** One per worker thread: each owns its copy of the networks. */
    private final List<MethodRunner> workers;

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
        this.workers = reflectors.stream().map(MethodRunner::new).toList();
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
        for (MethodRunner w : workers) {
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

    private int runPrompt(MethodRunner w, SweepStore store, PromptSet.Prompt p, long seed, Set<String> done, Progress progress,
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
            List<SweepRow> rows = w.answers(m, p.caption(), seed, s, cancelled).stream()
                    .map(a -> row(p, m, seed, a)).toList();
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

    private static SweepRow row(PromptSet.Prompt p, Method m, long seed, MethodRunner.Answer a) {
        return new SweepRow(p.id(), p.category(), p.text(), m, a.k(), seed, a.nfe(), a.answer().judgeCorrect() ? 1 : 0,
                a.answer().criticSaysCorrect(), a.images(), a.millis());
    }
}
