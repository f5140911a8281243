package org.reflectlab.ui.serving;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.ui.kit.AudioPlayer;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.WaveformView;

/** Serving's right column: the request (modalities, caption or scene, Send) and the reply as image, caption or clip. */
final class ComposerPane extends VBox {

    private final ImageView inputImage = new ImageView();
    private final WaveformView inputWave = new WaveformView();
    private final ImageView resultImage = new ImageView();
    private final WaveformView resultWave = new WaveformView();

    ComposerPane(ComposerViewModel vm) {
        super(8);
        ComboBox<Modality> in = new ComboBox<>();
        in.setId("serving-input");
        in.getItems().setAll(Modality.values());
        in.valueProperty().bindBidirectional(vm.inputProperty());
        org.reflectlab.ui.kit.NamedChoices.named(in, ComposerPane::modalityNames);
        ComboBox<Modality> out = new ComboBox<>();
        out.setId("serving-output");
        out.getItems().setAll(Modality.values());
        out.valueProperty().bindBidirectional(vm.outputProperty());
        org.reflectlab.ui.kit.NamedChoices.named(out, ComposerPane::modalityNames);
        TextField caption = new TextField();
        caption.setId("serving-caption");
        caption.textProperty().bindBidirectional(vm.captionProperty());
        caption.disableProperty().bind(vm.inputProperty().isNotEqualTo(Modality.TEXT));
        Spinner<Integer> scene = new Spinner<>(0, SceneInputs.SCENES - 1, 0);
        scene.setId("serving-scene");
        scene.setEditable(true);
        scene.getValueFactory().valueProperty().bindBidirectional(vm.sceneProperty().asObject());
        scene.disableProperty().bind(vm.inputProperty().isEqualTo(Modality.TEXT));
        Button send = ServingView.button("serving.send");
        send.setId("serving-send");
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSend().not());
        send.setOnAction(e -> vm.send());
        Label reply = new Label();
        reply.setId("serving-reply");
        reply.setWrapText(true);
        reply.textProperty().bind(vm.replyTextProperty());
        Button playIn = playButton(inputWave);
        Button playOut = playButton(resultWave);
        playOut.setId("serving-play");
        Label honesty = ServingView.text("serving.honesty");
        honesty.setWrapText(true);
        honesty.getStyleClass().add("serving-note");
        getChildren().addAll(ServingView.header("serving.header.request"), new HBox(6, ServingView.text("serving.in"), in,
                        ServingView.text("serving.out"), out),
                ServingView.text("serving.caption"), caption, new HBox(6, ServingView.text("serving.scene"), scene),
                new HBox(8, inputImage, new VBox(4, inputWave, playIn)), send, ServingView.header("serving.header.reply"),
                new HBox(8, resultImage, new VBox(4, resultWave, playOut)), reply, honesty);
        setPadding(new Insets(10));
        setPrefWidth(340);
        vm.replyProperty().addListener((o, a, r) -> showPayload(r instanceof Reply.Completed c ? c.output() : null, resultImage, resultWave));
        vm.sentInputProperty().addListener((o, a, p) -> showPayload(p, inputImage, inputWave));
    }

    private static Button playButton(WaveformView wave) {
        Button play = ServingView.button("serving.play");
        play.disableProperty().bind(Bindings.createBooleanBinding(() -> !wave.isVisible(), wave.visibleProperty()));
        play.setOnAction(e -> {
            if (wave.getUserData() instanceof AudioClip clip) {
                try {
                    AudioPlayer.play(clip);
                } catch (Exception ex) {
                    play.textProperty().bind(I18n.text("serving.no-sound"));
                }
            }
        });
        wave.setVisible(false);
        wave.setPrefSize(180, 60);
        return play;
    }

    private static javafx.util.StringConverter<Modality> modalityNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Modality m) {
                return m == null ? "" : ComposerViewModel.modality(m).text();
            }

            @Override
            public Modality fromString(String s) {
                return null;
            }
        };
    }

    private static void showPayload(Payload p, ImageView image, WaveformView wave) {
        image.setImage(p instanceof Payload.Image i ? Images.toFx(i.image(), 4) : null);
        boolean audio = p instanceof Payload.Audio;
        wave.setVisible(audio);
        wave.setUserData(audio ? ((Payload.Audio) p).clip() : null);
        if (audio) {
            wave.setClip(((Payload.Audio) p).clip());
        }
    }
}
