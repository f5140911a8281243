package org.reflectlab.ui.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;

/** Serving's composer without a node: when Send is possible, what it would send, and every reply kind in words. */
class ComposerViewModelTest {

    @Test
    void sendNeedsARunningNodeAndACaptionForText() {
        SimpleBooleanProperty running = new SimpleBooleanProperty();
        ComposerViewModel c = new ComposerViewModel(new SynchronousTaskRunner(), () -> null, () -> null, running);
        assertFalse(c.canSend().get(), "no node yet");
        c.send(); // refused quietly, no node touched
        assertEquals("", c.replyTextProperty().get());
        running.set(true);
        assertTrue(c.canSend().get());
        c.captionProperty().set("   ");
        assertFalse(c.canSend().get(), "an empty caption cannot be sent");
        c.inputProperty().set(Modality.IMAGE);
        assertTrue(c.canSend().get(), "image input takes a scene, not the caption");
        c.inputProperty().set(Modality.TEXT);
        c.captionProperty().set("  a red circle ");
        assertEquals("a red circle", assertInstanceOf(Payload.Text.class, c.composedInput()).text());
    }

    @Test
    void everyReplyKindIsDescribed() {
        assertEquals("Timed out: image worker", ComposerViewModel.describe(new Reply.TimedOut(1, "text->image", "image worker"), 3));
        assertEquals("Rejected: queue full", ComposerViewModel.describe(new Reply.Rejected(1, "text->image", "queue full", 0), 3));
        assertEquals("Failed: boom", ComposerViewModel.describe(new Reply.Failed(1, "text->image", "boom"), 3));
    }
}
