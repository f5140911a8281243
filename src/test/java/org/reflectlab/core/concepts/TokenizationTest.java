package org.reflectlab.core.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Vocabulary;

class TokenizationTest {

    @Test
    void countsTokensPerModalityFromTheData() {
        Tokenization.Result r = Tokenization.measure(new Tokenization.Settings(1, 50, 4, 1024, 320, 4, 1024));
        Tokenization.Row text = r.rows().get(0);
        Tokenization.Row image = r.rows().get(1);
        Tokenization.Row audio = r.rows().get(2);
        assertTrue(text.tokens() >= 2 && text.tokens() <= Vocabulary.MAX_TOKENS, "words + EOS: " + text.tokens());
        assertEquals(64, image.tokens(), 0.0);
        assertEquals(3072, image.rawValues(), 0.0);
        assertEquals(8 * 3072 / (64 * 10.0), image.compression(), 1e-9);
        assertEquals(2 * 25 * 4, audio.tokens(), 0.0);
        assertTrue(image.informative() > 0 && image.informative() < 1, "some patches are plain background");
        assertTrue(audio.informative() > 0 && audio.informative() < 1, "the clip has silent frames");
        assertEquals(5, r.table().size());
    }
}
