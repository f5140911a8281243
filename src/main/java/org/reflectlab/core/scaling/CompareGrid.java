package org.reflectlab.core.scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;

/**
 * Compare K: for one prompt and seed, every method's final image at every K, with the judge's
 * verdict and the compute spent, computed exactly as a sweep computes them.
 */
public record CompareGrid(PromptSet.Prompt prompt, long seed, List<Integer> ks, Map<Method, List<MethodRunner.Answer>> rows) {

    public interface Progress {
        void progress(double done, double total);
    }

    public static CompareGrid compute(Reflector r, PromptSet.Prompt p, long seed, SweepSettings s, Progress progress,
                                      BooleanSupplier cancelled) {
        MethodRunner runner = new MethodRunner(r);
        Map<Method, List<MethodRunner.Answer>> rows = new LinkedHashMap<>();
        double total = s.methods().stream().mapToDouble(m -> Sweep.imagesFor(m, s)).sum();
        double done = 0;
        for (Method m : s.methods()) {
            rows.put(m, List.copyOf(runner.answers(m, p.caption(), seed, s, cancelled)));
            done += Sweep.imagesFor(m, s);
            progress.progress(done, total);
            if (cancelled.getAsBoolean()) {
                break;
            }
        }
        return new CompareGrid(p, seed, s.ks(), rows);
    }
}
