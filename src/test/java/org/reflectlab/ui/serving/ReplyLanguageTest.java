package org.reflectlab.ui.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.ui.kit.I18n;

/** A caption reply kept by the composer as a message: its model words follow a switch there and back. No toolkit. */
class ReplyLanguageTest {

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void theCaptionInAReplyFollowsTheLanguageAndComesBackUnchanged() {
        Reply r = new Reply.Completed(1, "image->text", new Payload.Text("a small red circle at top left"), "ok", "ok",
                "encoder-1", "decoder-1", null, 1, 2);
        I18n.setLocale(I18n.ENGLISH);
        I18n.Message m = ComposerViewModel.describeMessage(r, 3.0);
        String english = m.text();
        assertTrue(english.contains("\"a small red circle at top left\""), english);
        I18n.setLocale(I18n.JAPANESE);
        assertTrue(m.text().contains("“左上の小さい赤い円”"), m.text());
        I18n.setLocale(I18n.ENGLISH);
        assertEquals(english, m.text(), "the same message says the model's own words again");
    }
}
