package org.reflectlab.ui.train;

import eu.hansolo.tilesfx.Tile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.reflectlab.ui.kit.Tiles;

/** The row of KPI tiles above the Train charts: speed, loss, caption accuracy, PSNR, elapsed time and ETA. */
final class TrainTilesRow {

    private TrainTilesRow() {
    }

    static Node of(TrainTiles t, ObservableNumberValue captionPercent) {
        HBox tiles = new HBox(8, tile(Tiles.number("Steps / s", "", 2), t.stepsPerSecondProperty()),
                tile(Tiles.number("Samples / s", "", 0), t.samplesPerSecondProperty()),
                tile(Tiles.number("Loss", "", 4), t.currentLossProperty()),
                tile(Tiles.number("Caption acc.", "%", 1), captionPercent),
                tile(Tiles.number("Recon. PSNR", "dB", 1), t.latestPsnrProperty()),
                timeTile("Elapsed", t.elapsedSecondsProperty()), etaTile(t));
        tiles.setId("train-tiles");
        tiles.getChildren().forEach(n -> {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setMinWidth(70);
        });
        return tiles;
    }

    private static Node tile(Tile t, ObservableNumberValue value) {
        value.addListener((o, a, b) -> t.setValue(Double.isFinite(b.doubleValue()) ? b.doubleValue() : 0));
        t.setMinHeight(90);
        t.setPrefHeight(96);
        return Tiles.titled(t);
    }

    private static Node timeTile(String title, ObservableNumberValue seconds) {
        // in minutes on a number tile: a text tile draws its text too small to read in a row of seven
        Tile t = Tiles.number(title, "min", 1);
        seconds.addListener((o, a, b) -> t.setValue(Double.isFinite(b.doubleValue()) ? b.doubleValue() / 60 : 0));
        t.setMinHeight(90);
        t.setPrefHeight(96);
        return Tiles.titled(t);
    }

    /** Shown only while a run goes: after Stop there is no time left to estimate. */
    private static Node etaTile(TrainTiles t) {
        Node tile = timeTile("ETA", t.etaSecondsProperty());
        tile.setId("eta-tile");
        BooleanBinding running = Bindings.createBooleanBinding(() -> Double.isFinite(t.etaSecondsProperty().get()), t.etaSecondsProperty());
        tile.visibleProperty().bind(running);
        tile.managedProperty().bind(running);
        return tile;
    }
}
