package org.reflectlab.ui.serving;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;

/**
 * Serving's request composer: input modality and data (a typed caption, or scene N rendered / synthesized), output
 * modality, Send, and the last reply in words. Replies arrive on actor threads and are handed to the UI thread.
 */
public final class ComposerViewModel {

    private final TaskRunner runner;
    private final Supplier<ServingNode> node;
    private final Supplier<SceneInputs> inputs;

    // Properties //
    private final ObjectProperty<Modality> input = new SimpleObjectProperty<>(Modality.TEXT);
    private final ObjectProperty<Modality> output = new SimpleObjectProperty<>(Modality.IMAGE);
    private final StringProperty caption = new SimpleStringProperty("a large red circle left of a small blue square");
    private final IntegerProperty scene = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Reply> reply = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Payload> sentInput = new ReadOnlyObjectWrapper<>();
    // a message, so the reply's words around the node's own follow a language switch
    private final ReadOnlyObjectWrapper<I18n.Message> replyMessage = new ReadOnlyObjectWrapper<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper replyText = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;

    ComposerViewModel(TaskRunner runner, Supplier<ServingNode> node, Supplier<SceneInputs> inputs, ObservableBooleanValue running) {
        this.runner = runner;
        this.node = node;
        this.inputs = inputs;
        canSend = Bindings.createBooleanBinding(() -> running.get() && (input.get() != Modality.TEXT || !caption.get().isBlank()),
                running, input, caption);
        replyText.bind(I18n.textOf(replyMessage));
    }

    public ObjectProperty<Modality> inputProperty() {
        return input;
    }

    public ObjectProperty<Modality> outputProperty() {
        return output;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public IntegerProperty sceneProperty() {
        return scene;
    }

    public ReadOnlyObjectProperty<Reply> replyProperty() {
        return reply.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Payload> sentInputProperty() {
        return sentInput.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replyTextProperty() {
        return replyText.getReadOnlyProperty();
    }

    public BooleanBinding canSend() {
        return canSend;
    }

    // Commands //

    /** The input the composer describes: the typed caption, or scene N rendered / synthesized. */
    Payload composedInput() {
        return input.get() == Modality.TEXT ? new Payload.Text(caption.get().trim()) : inputs.get().scene(input.get(), scene.get());
    }

    public void send() {
        if (!canSend.get()) {
            return;
        }
        Payload data = composedInput();
        sentInput.set(data);
        replyMessage.set(new I18n.Message("serving.reply.sent", modality(input.get()), modality(output.get())));
        long t0 = System.nanoTime();
        node.get().request(input.get(), data, output.get()).thenAccept(r -> {
            double ms = (System.nanoTime() - t0) / 1e6;
            runner.uiExecutor().execute(() -> {
                reply.set(r);
                replyMessage.set(describeMessage(r, ms));
            });
        });
    }

    static String describe(Reply r, double ms) {
        return describeMessage(r, ms).text();
    }

    /** A reply in words: the route, the model's caption and the workers' notes are the node's own (English) words. */
    static I18n.Message describeMessage(Reply r, double ms) {
        if (r instanceof Reply.Completed c) {
            Object what = c.output() instanceof Payload.Text t ? new I18n.Message("serving.reply.quoted", ModelWords.caption(t.text()))
                    : modality(c.output().modality());
            return new I18n.Message("serving.reply.done", c.route(), ms, what, c.encodedBy(), c.encodeNote(), c.decodedBy(), c.decodeNote());
        }
        if (r instanceof Reply.TimedOut t) {
            return new I18n.Message("serving.reply.timed-out", t.where());
        }
        if (r instanceof Reply.Rejected j) {
            return new I18n.Message("serving.reply.rejected", j.reason());
        }
        return new I18n.Message("serving.reply.failed", ((Reply.Failed) r).reason());
    }

    /** A modality's name in the current language ("image"). */
    static I18n.Message modality(Modality m) {
        return new I18n.Message(switch (m) {
            case TEXT -> "serving.modality.text";
            case IMAGE -> "serving.modality.image";
            case AUDIO -> "serving.modality.audio";
        });
    }
}
