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

    private final Reflector reflector;
    private final TestTimeTraining ttt;

    public Sweep(Reflector reflector) {
        this.reflector = reflector;
        this.ttt = new TestTimeTraining(reflector);
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
        long images = 0;
        int written = 0;
        int index = 0;
        for (PromptSet.Prompt p : prompts) {
            long seed = PromptSet.entrySeed(s.seed(), index++);
            for (Method m : s.methods()) {
                if (cancelled.getAsBoolean()) {
                    return written;
                }
                if (done.contains(p.id() + "|" + m.id())) {
                    continue;
                }
                listener.progress(images, total, m.label() + " on '" + p.text() + "'");
                List<SweepRow> rows = switch (m) {
                    case BEST_OF_N -> bestOfN(p, seed, s, cancelled);
                    case REFLECT -> reflect(p, seed, s, cancelled);
                    case TEST_TIME_TRAINING -> testTimeTraining(p, seed, s, cancelled);
                };
                if (cancelled.getAsBoolean()) {
                    // a prompt cut short would store answers made with less than their budget
                    return written;
                }
                store.append(rows);
                written += rows.size();
                images += imagesFor(m, s);
                listener.progress(images, total, m.label() + " on '" + p.text() + "'");
            }
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

    private List<SweepRow> bestOfN(PromptSet.Prompt p, long seed, SweepSettings s, BooleanSupplier cancelled) {
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

    private List<SweepRow> reflect(PromptSet.Prompt p, long seed, SweepSettings s, BooleanSupplier cancelled) {
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

    private List<SweepRow> testTimeTraining(PromptSet.Prompt p, long seed, SweepSettings s, BooleanSupplier cancelled) {
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
