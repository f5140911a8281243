package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;

/**
 * One method's answers to one prompt at every K of a sweep, as the sweep and Compare K both need
 * them. Best-of-N and Reflect-DiT run once at the largest K and the answer at a smaller K is read
 * off that run: best-of-N at K is the critic's pick among the first K of the same samples, and
 * reflection iteration k never depends on how many iterations were allowed, so this is exactly what
 * separate runs would give. Test-time training splits its budget by K, so it runs once per K.
 *
 * <p>Owns networks through its reflector: use from one thread at a time.
 */
public final class MethodRunner {

    /**
     * A method's answer at budget K: the image it gives, the compute and images it took, the time,
     * and every image it drew on the way (each with the critic's verdict), in drawing order.
     */
    public record Answer(int k, Iteration answer, double nfe, int images, long millis, List<Iteration> drawn) {

        public Answer {
            drawn = List.copyOf(drawn);
        }

        /** Which of {@link #drawn()} is the answer (-1 if it is not among them). */
        public int answerIndex() {
            return drawn.indexOf(answer);
        }
    }

    private final Reflector reflector;
    private final TestTimeTraining ttt;
    private ReflectionRun lastRun;

    MethodRunner(Reflector reflector) {
        this.reflector = reflector;
        this.ttt = new TestTimeTraining(reflector);
    }

    /** Answers in K order; fewer than asked if cancelled. */
    List<Answer> answers(Method m, Caption prompt, long seed, SweepSettings s, BooleanSupplier cancelled) {
        return switch (m) {
            case BEST_OF_N -> bestOfN(prompt, seed, s, cancelled);
            case REFLECT -> reflect(prompt, seed, s, cancelled, false);
            case REFLECT_PICK -> reflect(prompt, seed, s, cancelled, true);
            case TEST_TIME_TRAINING -> testTimeTraining(prompt, seed, s, cancelled);
        };
    }

    private List<Answer> bestOfN(Caption prompt, long seed, SweepSettings s, BooleanSupplier cancelled) {
        Reflector.BestOfN run = reflector.bestOfN(prompt, s.maxK(), seed, s.samplingSteps(), s.guidance(), cancelled);
        List<Answer> out = new ArrayList<>();
        for (int k : s.ks()) {
            if (run.candidates().size() < k) {
                break;
            }
            List<Iteration> first = run.candidates().subList(0, k);
            out.add(new Answer(k, first.get(Reflector.criticPick(first)), first.get(k - 1).nfe(), k,
                    first.stream().mapToLong(Iteration::millis).sum(), first));
        }
        return out;
    }

    private List<Answer> reflect(Caption prompt, long seed, SweepSettings s, BooleanSupplier cancelled, boolean criticsPick) {
        ReflectSettings settings = new ReflectSettings(s.maxK(), seed, s.samplingSteps(), s.contextSize(), true, s.guidance());
        // Both answer rules read the same run: keep the last one rather than reflect twice.
        ReflectionRun run = lastRun != null && lastRun.prompt().equals(prompt) && lastRun.settings().equals(settings) && !lastRun.cancelled()
                ? lastRun : reflector.reflect(prompt, settings, it -> { }, cancelled);
        lastRun = run;
        List<Answer> out = new ArrayList<>();
        for (int k : s.ks()) {
            List<Iteration> upTo = run.iterations().stream().filter(it -> it.k() <= k).toList();
            if (upTo.isEmpty()) {
                break;
            }
            Iteration last = upTo.get(upTo.size() - 1);
            Iteration answer = criticsPick ? upTo.get(Reflector.criticPick(upTo)) : last;
            out.add(new Answer(k, answer, last.nfe(), upTo.size(), upTo.stream().mapToLong(Iteration::millis).sum(), upTo));
        }
        return out;
    }

    private List<Answer> testTimeTraining(Caption prompt, long seed, SweepSettings s, BooleanSupplier cancelled) {
        List<Answer> out = new ArrayList<>();
        for (int k : s.ks()) {
            long t0 = System.nanoTime();
            TestTimeTraining.Outcome o = ttt.run(prompt, k, seed, s.samplingSteps(), s.guidance(), cancelled);
            if (cancelled.getAsBoolean()) {
                break;
            }
            out.add(new Answer(k, o.choice(), o.nfe(), o.samples().size(), (System.nanoTime() - t0) / 1_000_000, o.samples()));
        }
        return out;
    }
}
