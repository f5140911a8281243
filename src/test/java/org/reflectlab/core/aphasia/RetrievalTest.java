package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Retrieval and modality bias on tiny sets whose answers are known by construction. */
class RetrievalTest {

    private static final Object[] KEYS = {"a", "b", "c", "d"};

    @Test
    void perfectlyAlignedLatentsRetrieveEverything() {
        double[][] img = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};
        Retrieval r = Retrieval.measure(img, img, KEYS);
        assertEquals(1.0, r.imageToTextAt1());
        assertEquals(1.0, r.textToImageAt1());
        assertEquals(0.0, r.sameModalityShare(), "every latent's nearest neighbour is its partner");
        assertEquals(0.0, r.centroidGap(), 1e-9);
        assertEquals(1.0, r.matchedCosine(), 1e-9);
    }

    @Test
    void knownEmbeddingsGiveTheKnownRecall() {
        // images 0 and 1 point at each other's caption; 2 and 3 at their own
        double[][] img = {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double[][] txt = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        Retrieval r = Retrieval.measure(img, txt, KEYS);
        assertEquals(0.5, r.imageToTextAt1());
        assertEquals(0.5, r.textToImageAt1());
        assertEquals(1.0, r.imageToTextAt5(), "4 candidates: every match is within the top 5");
    }

    @Test
    void identicallyCaptionedTwinsCountAsHits() {
        double[][] img = {{0, 1}, {1, 0}};
        double[][] txt = {{1, 0}, {0, 1}};
        assertEquals(0.0, Retrieval.measure(img, txt, new Object[] {"x", "y"}).imageToTextAt1());
        assertEquals(1.0, Retrieval.measure(img, txt, new Object[] {"x", "x"}).imageToTextAt1());
    }

    @Test
    void separateModalityClustersShowAsBias() {
        // images all near e0, texts all near e1: each latent's nearest neighbour is its own modality
        double[][] img = {{1, 0, 0.1}, {1, 0, -0.1}, {1, 0.05, 0}};
        double[][] txt = {{0, 1, 0.1}, {0, 1, -0.1}, {0.05, 1, 0}};
        Retrieval r = Retrieval.measure(img, txt, new Object[] {1, 2, 3});
        assertEquals(1.0, r.sameModalityShare());
        assertEquals(Math.sqrt(2), r.centroidGap(), 0.05);
    }

    @Test
    void mismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Retrieval.measure(new double[2][2], new double[3][2], new Object[2]));
    }
}
