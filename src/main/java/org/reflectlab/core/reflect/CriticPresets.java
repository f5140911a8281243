package org.reflectlab.core.reflect;

import java.util.List;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/**
 * Ready-made feedback for one iteration, beside what a learner writes: the critic's own words,
 * none (masked, as the no-feedback ablation masks it), feedback about another prompt (as the
 * shuffled ablation gives), and deliberately wrong feedback that points away from the prompt.
 */
public final class CriticPresets {

    public enum Preset {
        CRITIC("The critic's words"), NONE("No feedback"), OTHER_PROMPT("Another prompt's feedback"), WRONG("Deliberately wrong");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Prompts to borrow feedback from; the first whose feedback on the image differs from the critic's is used. */
    private static final List<String> DONORS = List.of("two green triangles", "a blue square above a yellow circle",
            "a small purple circle", "three red squares");

    private CriticPresets() {
    }

    /** The preset as an edit of iteration {@code it}: the words and the ablation masking that produces them. */
    public static Reflector.FeedbackEdit edit(Preset p, Caption prompt, Iteration it) {
        return switch (p) {
            case CRITIC -> Reflector.FeedbackEdit.words(it.feedback());
            case NONE -> new Reflector.FeedbackEdit(List.of(), ReflectSettings.Ablation.NO_FEEDBACK, null);
            case OTHER_PROMPT -> {
                List<String> other = otherPrompt(prompt, it);
                yield new Reflector.FeedbackEdit(other, ReflectSettings.Ablation.SHUFFLED_FEEDBACK, (k, own) -> other);
            }
            case WRONG -> Reflector.FeedbackEdit.words(wrong(prompt));
        };
    }

    /** What the critic would say of this image had the prompt been another one. */
    static List<String> otherPrompt(Caption prompt, Iteration it) {
        List<String> fallback = null;
        for (String d : DONORS) {
            Caption other = CaptionParser.parse(d).caption();
            if (other.text().equals(prompt.text())) {
                continue;
            }
            List<String> said = Feedback.sentences(other, it.criticReading());
            if (!Feedback.isCorrect(said) && !said.equals(it.feedback())) {
                return said;
            }
            fallback = fallback == null ? said : fallback;
        }
        return fallback;
    }

    /** A complaint that asks for what the prompt does not: another colour, else size, else no such object. */
    static List<String> wrong(Caption prompt) {
        Clause c = prompt.clauses().get(0);
        String shape = c.shape().word();
        if (c.color() != null) {
            ShapeColor other = ShapeColor.values()[(c.color().ordinal() + 1) % ShapeColor.values().length];
            return List.of("the " + shape + " should be " + other.word() + " but it is " + c.color().word());
        }
        if (c.size() != null) {
            Size other = c.size() == Size.LARGE ? Size.SMALL : Size.LARGE;
            return List.of("the " + shape + " should be " + other.word() + " but it is " + c.size().word());
        }
        return List.of("there should be no " + c.shape().plural() + " but " + Feedback.number(c.count()) + (c.count() == 1 ? " exists" : " exist"));
    }
}
