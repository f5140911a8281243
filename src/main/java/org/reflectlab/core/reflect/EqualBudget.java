package org.reflectlab.core.reflect;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.reflectlab.core.data.Caption;

/**
 * Reflection and best-of-N at one NFE budget: how many of each the budget buys, and both run.
 * A best-of-N candidate costs one image (sampling, decoding, a critic call); a reflection
 * iteration costs the same plus, before the next one, encoding the image back into context.
 * So K iterations cost K*image + (K-1)*encode, and N candidates N*image (as {@link Reflector} counts).
 */
public record EqualBudget(double budget, int iterations, int candidates, double imageNfe, double encodeNfe) {

    /** What {@code budget} NFE buy under these settings (each at least one image: see {@link #minimum}). */
    public static EqualBudget of(Compute c, ReflectSettings s, double budget) {
        double image = s.samplingNfe() + c.decode() + c.criticCall();
        if (budget < image) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a budget of %.1f NFE buys no image: one costs %.1f NFE at these settings", budget, image));
        }
        int k = (int) Math.floor((budget + c.encode()) / (image + c.encode()) + 1e-9);
        int n = (int) Math.floor(budget / image + 1e-9);
        return new EqualBudget(budget, Math.min(k, ReflectSettings.MAX_K), n, image, c.encode());
    }

    /** The smallest budget that buys one image. */
    public static double minimum(Compute c, ReflectSettings s) {
        return s.samplingNfe() + c.decode() + c.criticCall();
    }

    /** Cost of k reflection iterations (the last not encoded), in NFE. */
    public double reflectionCost(int k) {
        return k * imageNfe + Math.max(0, k - 1) * encodeNfe;
    }

    /** Both methods at this budget: reflection (its early stop as set) and best-of-N. */
    public record Result(EqualBudget budget, ReflectionRun reflection, Reflector.BestOfN bestOfN) {
    }

    public Result run(Reflector r, Caption prompt, ReflectSettings s, Consumer<Iteration> onIteration, BooleanSupplier cancelled) {
        ReflectSettings atBudget = new ReflectSettings(iterations, s.seed(), s.samplingSteps(), s.contextSize(), s.earlyStop(), s.guidance());
        ReflectionRun run = r.reflect(prompt, atBudget, onIteration, cancelled);
        Reflector.BestOfN bon = r.bestOfN(prompt, candidates, s.seed(), s.samplingSteps(), s.guidance(), cancelled);
        return new Result(this, run, bon);
    }
}
