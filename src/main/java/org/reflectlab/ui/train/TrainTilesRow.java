package org.reflectlab.ui.train;

import eu.hansolo.tilesfx.Tile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.reflectlab.ui.kit.I18n;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.reflectlab.ui.kit.Tiles;

/** The row of KPI tiles above the Train charts: speed, loss, caption accuracy, PSNR, elapsed time and ETA. */
final class TrainTilesRow {

    private TrainTilesRow() {
    }

    static Node of(TrainTiles t, ObservableNumberValue captionPercent) {
        HBox tiles = new HBox(8, tile("train.tile.steps", Tiles.number("", "", 2), t.stepsPerSecondProperty()),
                tile("train.tile.samples", Tiles.number("", "", 0), t.samplesPerSecondProperty()),
                tile("train.tile.loss", Tiles.number("", "", 4), t.currentLossProperty()),
                tile("train.tile.caption", Tiles.number("", "%", 1), captionPercent),
                tile("train.tile.psnr", Tiles.number("", "dB", 1), t.latestPsnrProperty()),
                timeTile("train.tile.elapsed", t.elapsedSecondsProperty()), etaTile(t));
        tiles.setId("train-tiles");
        tiles.getChildren().forEach(n -> {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setMinWidth(70);
        });
        return tiles;
    }

    private static Node tile(String titleKey, Tile t, ObservableNumberValue value) {
        value.addListener((o, a, b) -> t.setValue(Double.isFinite(b.doubleValue()) ? b.doubleValue() : 0));
        t.setMinHeight(90);
        t.setPrefHeight(96);
        return titled(titleKey, t);
    }

    /** The kit's titled tile with its title in the current language (the title label is the pane's second child). */
    private static Node titled(String titleKey, Tile t) {
        StackPane p = Tiles.titled(t);
        ((Label) p.getChildren().get(1)).textProperty().bind(I18n.text(titleKey));
        return p;
    }

    private static Node timeTile(String titleKey, ObservableNumberValue seconds) {
        // in minutes on a number tile: a text tile draws its text too small to read in a row of seven
        Tile t = Tiles.number("", I18n.tr("train.tile.minutes"), 1);
        I18n.localeProperty().addListener((o, was, now) -> t.setUnit(I18n.tr("train.tile.minutes")));
        seconds.addListener((o, a, b) -> t.setValue(Double.isFinite(b.doubleValue()) ? b.doubleValue() / 60 : 0));
        t.setMinHeight(90);
        t.setPrefHeight(96);
        return titled(titleKey, t);
    }

    /** Shown only while a run goes: after Stop there is no time left to estimate. */
    private static Node etaTile(TrainTiles t) {
        Node tile = timeTile("train.tile.eta", t.etaSecondsProperty());
        tile.setId("eta-tile");
        BooleanBinding running = Bindings.createBooleanBinding(() -> Double.isFinite(t.etaSecondsProperty().get()), t.etaSecondsProperty());
        tile.visibleProperty().bind(running);
        tile.managedProperty().bind(running);
        return tile;
    }
}
