package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What admission predicts: per stage, and with the decoder working off its queue while the encoder encodes. */
class AdmissionModelTest {

    /** The audio worker encodes in 1 ms and decodes in 10 ms; the text worker takes 3 ms either way. */
    private static final Map<String, double[]> COST = Map.of("audio", new double[] {1, 10}, "text", new double[] {3, 3});

    private final AdmissionModel<String> model = new AdmissionModel<>((w, s) -> COST.get(w)[s.ordinal()]);

    @Test
    void eachStageIsCountedAtItsOwnTimePerJob() {
        for (int i = 0; i < 5; i++) {
            model.admit("audio", "text");
        }
        assertEquals(5, model.inFlight("audio"));
        assertEquals(5.0, model.work("audio"), 1e-9);
        for (int i = 0; i < 5; i++) {
            model.admit("text", "audio");
        }
        // the five decodes cost ten times the five encodes: one time per job for both would say 27.5 ms
        assertEquals(55.0, model.work("audio"), 1e-9);
    }

    @Test
    void theDecoderWorksOffItsQueueWhileTheEncoderEncodes() {
        for (int i = 0; i < 10; i++) {
            model.admit("text", "text"); // 10 x (3 + 3) ms at text
        }
        for (int i = 0; i < 4; i++) {
            model.admit("text", "audio"); // and 4 x 10 ms of decodes queued at audio
        }
        // text holds 14 encodes and 10 decodes (72 ms); a new text->audio request: encode done at 75 ms, audio is free by
        // 40 ms, so it finishes at 75 + 10 (adding both queues would say 125)
        assertEquals(85.0, model.finishMillis("text", "audio"), 1e-9);
        // on one worker the stages are serial: 72 + 3 + 3
        assertEquals(78.0, model.finishMillis("text", "text"), 1e-9);
        // the decoder's queue is what holds it back when it is the longer one
        AdmissionModel<String> other = new AdmissionModel<>((w, s) -> COST.get(w)[s.ordinal()]);
        for (int i = 0; i < 9; i++) {
            other.admit("text", "audio");
        }
        // text holds 9 encodes (27 ms), audio 9 decodes (90 ms): max(27 + 3, 90) + 10
        assertEquals(100.0, other.finishMillis("text", "audio"), 1e-9);
    }

    @Test
    void releasesAreCountedPerStageAndNeverBelowZero() {
        model.admit("text", "audio");
        model.release("text", Stage.DECODE); // not held at text: nothing changes
        assertEquals(1, model.inFlight("text"));
        model.release("text", Stage.ENCODE);
        model.release("text", Stage.ENCODE);
        assertEquals(0, model.inFlight("text"));
        assertEquals(10.0, model.work("audio"), 1e-9);
        model.forget("audio");
        assertEquals(0, model.inFlight("audio"));
        assertEquals(0.0, model.work("audio"), 1e-9);
    }
}
