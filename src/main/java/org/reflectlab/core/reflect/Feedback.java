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
        List<Complaint> out = new ArrayList<>();
        List<SceneObject> matched = new ArrayList<>();
        for (Clause c : prompt.clauses()) {
            if (c.count() > 1) {
                long n = seen.stream().filter(c::admits).count();
                if (n != c.count()) {
                    out.add(new Complaint.WrongCount(c.count(), c.color(), c.shape(), (int) n));
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
                out.add(new Complaint.WrongColor(c.shape(), c.color(), sameShape.color()));
            } else if (sameShape != null && c.size() != null && sameShape.size() != c.size()) {
                matched.add(sameShape);
                out.add(new Complaint.WrongSize(c.shape(), c.size(), sameShape.size()));
            } else if (sameShape != null && c.cell() != null && !sameShape.cell().equals(c.cell())) {
                matched.add(sameShape);
                out.add(new Complaint.WrongPlace(c.shape(), c.cell(), sameShape.cell()));
            } else {
                out.add(new Complaint.Missing(c.color(), c.shape()));
            }
        }
        if (out.isEmpty() && prompt.relation() != null) {
            out.add(relationComplaint(prompt, seen));
        }
        if (out.isEmpty() && prompt.exhaustive()) {
            out.add(new Complaint.ObjectCount(prompt.objectCount(), seen.size()));
        }
        if (out.isEmpty()) {
            out.add(new Complaint.Mismatch());
        }
        // the models read and write the sentences; the structure is kept in the words (Complaint.parse reads it back)
        return out.stream().map(Complaint::text).toList();
    }

    private static Complaint relationComplaint(Caption prompt, List<SceneObject> seen) {
        Clause a = prompt.clauses().get(0);
        Clause b = prompt.clauses().get(1);
        Relation rel = prompt.relation();
        SceneObject oa = seen.stream().filter(a::admits).findFirst().orElseThrow();
        SceneObject ob = seen.stream().filter(o -> b.admits(o) && o != oa).findFirst().orElseThrow();
        return new Complaint.WrongRelation(a.shape(), rel, b.shape(), rel.actual(oa.cell(), ob.cell()));
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
