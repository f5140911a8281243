package org.reflectlab.core.reflect;

import java.util.List;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;

/**
 * One reflection iteration: the image, what the critic saw and said, which earlier iterations
 * were in the generator's context, the judge's verdict (scoring only, never fed back), and the
 * compute spent so far.
 *
 * @param contextFrom iteration numbers (1-based) whose (image, feedback) pairs the generator read
 * @param judgeChecks the judge's own reading against the prompt: "correct" or what it finds wrong
 * @param nfe         cumulative compute after this iteration, in generator evaluations
 * @param change      mean absolute pixel change from the previous iteration (0 for the first)
 */
public record Iteration(int k, RgbImage image, List<SceneObject> criticReading, List<String> feedback,
                        List<Integer> contextFrom, List<SceneObject> judgeReading, boolean judgeCorrect,
                        List<String> judgeChecks, double nfe, double change, long millis) {

    public boolean criticSaysCorrect() {
        return Feedback.isCorrect(feedback);
    }
}
