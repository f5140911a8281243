package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;

/**
 * Compare K: for one prompt and seed, every method's final image at every K, with the judge's
 * verdict and the compute spent, computed exactly as a sweep computes them.
 */
public record CompareGrid(PromptSet.Prompt prompt, long seed, List<Integer> ks, Map<Method, List<Cell>> rows) {

    /** One method's answer at one K. */
    public record Cell(int k, Iteration answer, double nfe, int images) {
    }

    public interface Progress {
        void progress(double done, double total);
    }

    public static CompareGrid compute(Reflector r, PromptSet.Prompt p, long seed, SweepSettings s, Progress progress,
                                      BooleanSupplier cancelled) {
        Map<Method, List<Cell>> rows = new LinkedHashMap<>();
        double total = s.methods().stream().mapToDouble(m -> Sweep.imagesFor(m, s)).sum();
        double done = 0;
        for (Method m : s.methods()) {
            List<Cell> cells = new ArrayList<>();
            switch (m) {
                case BEST_OF_N -> {
                    Reflector.BestOfN bon = r.bestOfN(p.caption(), s.maxK(), seed, s.samplingSteps(), s.guidance(), cancelled);
                    for (int k : s.ks()) {
                        if (bon.candidates().size() >= k) {
                            List<Iteration> first = bon.candidates().subList(0, k);
                            cells.add(new Cell(k, first.get(Sweep.criticPick(first)), first.get(k - 1).nfe(), k));
                        }
                    }
                }
                case REFLECT -> {
                    ReflectionRun run = r.reflect(p.caption(), new ReflectSettings(s.maxK(), seed, s.samplingSteps(),
                            s.contextSize(), true, s.guidance()), it -> { }, cancelled);
                    for (int k : s.ks()) {
                        List<Iteration> upTo = run.iterations().stream().filter(it -> it.k() <= k).toList();
                        if (!upTo.isEmpty()) {
                            Iteration last = upTo.get(upTo.size() - 1);
                            cells.add(new Cell(k, last, last.nfe(), upTo.size()));
                        }
                    }
                }
                case TEST_TIME_TRAINING -> {
                    TestTimeTraining ttt = new TestTimeTraining(r);
                    for (int k : s.ks()) {
                        if (cancelled.getAsBoolean()) {
                            break;
                        }
                        TestTimeTraining.Outcome o = ttt.run(p.caption(), k, seed, s.samplingSteps(), s.guidance(), cancelled);
                        cells.add(new Cell(k, o.choice(), o.nfe(), o.samples().size()));
                        progress.progress(done + s.ks().stream().filter(x -> x <= k).mapToInt(Integer::intValue).sum(), total);
                    }
                }
            }
            done += Sweep.imagesFor(m, s);
            progress.progress(done, total);
            rows.put(m, List.copyOf(cells));
            if (cancelled.getAsBoolean()) {
                break;
            }
        }
        return new CompareGrid(p, seed, s.ks(), rows);
    }
}
