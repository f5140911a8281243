package org.reflectlab.core.reflect;

import org.reflectlab.core.nn.generator.FeedbackVocabulary;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionCheck;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.Relation;
import org.reflectlab.core.data.SceneObject;

/**
 * The critic's words: what is wrong with a scene (as read off an image) against a prompt, in
 * Reflect-DiT's style ("there should be two squares but only one exists", "the circle should be
 * red but it is blue", "the square should be left of the triangle but it is right of it"), or
 * "correct". Sentences come in the order the prompt names things, one per problem.
 */
public final class Feedback {

    public static final String CORRECT = FeedbackVocabulary.CORRECT;
    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private Feedback() {
    }

    public static List<String> sentences(Caption prompt, List<SceneObject> seen) {
        if (CaptionCheck.satisfies(prompt, seen)) {
            return List.of(CORRECT);
        }
        List<String> out = new ArrayList<>();
        List<SceneObject> matched = new ArrayList<>();
        for (Clause c : prompt.clauses()) {
            if (c.count() > 1) {
                long n = seen.stream().filter(c::admits).count();
                if (n != c.count()) {
                    out.add("there should be " + number(c.count()) + " " + noun(c) + " but "
                            + (n == 0 ? "none exist" : n < c.count() ? "only " + number((int) n) + (n == 1 ? " exists" : " exist")
                            : number((int) n) + " exist"));
                }
                continue;
            }
            SceneObject hit = seen.stream().filter(o -> c.admits(o) && !matched.contains(o)).findFirst().orElse(null);
            if (hit != null) {
                matched.add(hit);
                continue;
            }
            SceneObject sameShape = seen.stream().filter(o -> o.shape() == c.shape() && !matched.contains(o)).findFirst().orElse(null);
            if (sameShape != null && c.color() != null && sameShape.color() != c.color()) {
                matched.add(sameShape);
                out.add("the " + c.shape().word() + " should be " + c.color().word() + " but it is " + sameShape.color().word());
            } else if (sameShape != null && c.size() != null && sameShape.size() != c.size()) {
                matched.add(sameShape);
                out.add("the " + c.shape().word() + " should be " + c.size().word() + " but it is " + sameShape.size().word());
            } else if (sameShape != null && c.cell() != null && !sameShape.cell().equals(c.cell())) {
                matched.add(sameShape);
                out.add("the " + c.shape().word() + " should be at " + c.cell().words() + " but it is at " + sameShape.cell().words());
            } else {
                out.add("there should be " + article(c) + " but none exists");
            }
        }
        if (out.isEmpty() && prompt.relation() != null) {
            out.add(relationSentence(prompt, seen));
        }
        if (out.isEmpty() && prompt.exhaustive()) {
            out.add("there should be " + number(prompt.objectCount()) + " objects but " + number(seen.size()) + " exist");
        }
        if (out.isEmpty()) {
            out.add("the image does not match the prompt");
        }
        return out;
    }

    private static String relationSentence(Caption prompt, List<SceneObject> seen) {
        Clause a = prompt.clauses().get(0);
        Clause b = prompt.clauses().get(1);
        Relation rel = prompt.relation();
        SceneObject oa = seen.stream().filter(a::admits).findFirst().orElseThrow();
        SceneObject ob = seen.stream().filter(o -> b.admits(o) && o != oa).findFirst().orElseThrow();
        Relation actual = rel.actual(oa.cell(), ob.cell());
        String head = "the " + a.shape().word() + " should be " + rel.words() + " the " + b.shape().word() + " but ";
        if (actual == null) {
            boolean horizontal = rel == Relation.LEFT_OF || rel == Relation.RIGHT_OF;
            return head + "they are in the same " + (horizontal ? "column" : "row");
        }
        return head + "it is " + actual.words() + " it";
    }

    private static String noun(Clause c) {
        return (c.color() != null ? c.color().word() + " " : "") + c.shape().word(c.count());
    }

    private static String article(Clause c) {
        String phrase = noun(c);
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    static String number(int n) {
        return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
    }

    /** How much the critic likes an image: 1 if correct, else minus the number of complaints. */
    public static int score(List<String> sentences) {
        return isCorrect(sentences) ? 1 : -sentences.size();
    }

    public static boolean isCorrect(List<String> sentences) {
        return sentences.size() == 1 && CORRECT.equals(sentences.get(0));
    }
}
