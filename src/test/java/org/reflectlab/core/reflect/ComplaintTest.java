package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneSampler;

/** The critic's sentences read back into the structure they were written from, for every form Feedback writes. */
class ComplaintTest {

    @Test
    void everySentenceFeedbackWritesParsesBackToTheSameSentence() {
        SplittableRandom r = new SplittableRandom(30);
        Set<Class<?>> kinds = new HashSet<>();
        int sentences = 0;
        for (int i = 0; i < 4000; i++) {
            Category category = Category.values()[i % Category.values().length];
            Caption prompt = SceneSampler.randomCaption(category, r);
            Optional<Scene> good = SceneSampler.realize(prompt, r);
            Scene seen = i % 3 == 0 || good.isEmpty() ? SceneSampler.randomScene(r) : Flaws.corrupt(prompt, good.get(), r).orElse(good.get());
            for (String s : Feedback.sentences(prompt, seen.objects())) {
                Complaint c = Complaint.parse(s).orElseThrow(() -> new AssertionError("does not parse: " + s));
                assertEquals(s, c.text(), "the structure says the same sentence");
                kinds.add(c.getClass());
                sentences++;
            }
        }
        assertTrue(sentences > 4000);
        // every form but the catch-all "does not match" (which Feedback writes only when no check finds the problem)
        assertTrue(kinds.containsAll(List.of(Complaint.Correct.class, Complaint.WrongCount.class, Complaint.Missing.class,
                Complaint.WrongColor.class, Complaint.WrongSize.class, Complaint.WrongPlace.class, Complaint.WrongRelation.class,
                Complaint.ObjectCount.class)), "forms seen: " + kinds);
        assertEquals(Optional.of(new Complaint.Mismatch()), Complaint.parse(new Complaint.Mismatch().text()));
    }

    @Test
    void otherSentencesDoNotParse() {
        for (String s : List.of("", "the circle looks odd", "there should be many circles but none exist",
                "the circle should be pink but it is blue", "there should be two circle but none exist", "correct correct")) {
            assertEquals(Optional.empty(), Complaint.parse(s), s);
        }
    }
}
