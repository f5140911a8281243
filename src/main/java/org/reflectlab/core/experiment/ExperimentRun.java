package org.reflectlab.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.reflect.ReflectionRun;
import org.reflectlab.core.reflect.Reflector;

/**
 * Runs an experiment's Reflect state headless: the prompt and settings it holds (the Reflect
 * workspace's remembered keys, defaults where absent), reflection and, if it was on, best-of-K,
 * and returns the numbers as lines, the same on every machine with the same models.
 */
public final class ExperimentRun {

    public static final String WORKSPACE = "reflect";
    public static final String DEFAULT_PROMPT = "a red circle left of a blue square";
    private static final String P = WORKSPACE + ".";

    private ExperimentRun() {
    }

    /** The prompt the experiment holds; IllegalArgumentException with the parser's reason if it is not one. */
    public static Caption prompt(Map<String, String> s) {
        ParseResult r = CaptionParser.parse(s.getOrDefault(P + "prompt", DEFAULT_PROMPT));
        if (!r.ok()) {
            throw new IllegalArgumentException("the experiment's prompt cannot be used: " + r.error().message());
        }
        return r.caption();
    }

    public static ReflectSettings settings(Map<String, String> s) {
        ReflectSettings d = ReflectSettings.defaults();
        try {
            return new ReflectSettings(integer(s, "k", d.k()), integer(s, "seed", (int) d.seed()), integer(s, "steps", d.samplingSteps()),
                    integer(s, "context", d.contextSize()), Boolean.parseBoolean(s.getOrDefault(P + "earlyStop", "true")),
                    Double.parseDouble(s.getOrDefault(P + "guidance", Double.toString(d.guidance()))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the experiment's Reflect settings are not numbers: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> s, String key, int fallback) {
        return Integer.parseInt(s.getOrDefault(P + key, Integer.toString(fallback)));
    }

    /** Reflection (and best-of-K when the experiment compared) as printable lines. */
    public static List<String> run(Experiment e, Reflector r, BooleanSupplier cancelled) {
        Caption prompt = prompt(e.settings());
        ReflectSettings s = settings(e.settings());
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "reflect '%s': K %d, seed %d, %d steps, context %d, guidance %s, early stop %s", prompt.text(),
                s.k(), s.seed(), s.samplingSteps(), s.contextSize(), s.guidance(), s.earlyStop() ? "on" : "off"));
        ReflectionRun run = r.reflect(prompt, s, it -> { }, cancelled);
        run.iterations().forEach(it -> out.add("reflection " + line(it)));
        if (Boolean.parseBoolean(e.settings().getOrDefault(P + "compare", "true"))) {
            Reflector.BestOfN bon = r.bestOfN(prompt, s.k(), s.seed(), s.samplingSteps(), s.guidance(), cancelled);
            bon.candidates().forEach(it -> out.add("best-of-" + s.k() + " " + line(it)));
            out.add("best-of-" + s.k() + " critic's pick: #" + (bon.chosen() + 1));
        }
        return out;
    }

    private static String line(Iteration it) {
        return String.format(Locale.ROOT, "#%d  %.2f NFE  critic %s  judge %s  pixels %.6f  feedback: %s", it.k(), it.nfe(),
                it.criticSaysCorrect() ? "correct" : "wrong", it.judgeCorrect() ? "correct" : "wrong", mean(it), String.join("; ", it.feedback()));
    }

    /** The image's mean pixel value: identical numbers mean identical images, to the printed digits. */
    private static double mean(Iteration it) {
        double sum = 0;
        for (float v : it.image().data()) {
            sum += v;
        }
        return sum / it.image().data().length;
    }
}
