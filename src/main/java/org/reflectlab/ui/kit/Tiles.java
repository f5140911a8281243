package org.reflectlab.ui.kit;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.paint.Color;

/** KPI tiles in the app's colours. */
public final class Tiles {

    private static final Color BACKGROUND = Color.web("#1f2430");
    private static final Color ACCENT = Color.web("#ff7043");

    private Tiles() {
    }

    public static Tile number(String title, String unit, int decimals) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(150, 100).title(title).unit(unit)
                .decimals(decimals).value(0).backgroundColor(BACKGROUND).valueColor(Color.WHITE).unitColor(ACCENT)
                .titleColor(Color.web("#c9d0dc")).textSize(Tile.TextSize.BIGGER).animated(false).roundedCorners(true).build();
    }

    public static Tile text(String title, String text) {
        return TileBuilder.create().skinType(Tile.SkinType.TEXT).prefSize(150, 100).title(title).text(text)
                .description("").backgroundColor(BACKGROUND).textColor(Color.WHITE).descriptionColor(Color.WHITE)
                .titleColor(Color.web("#c9d0dc")).textSize(Tile.TextSize.BIGGER).roundedCorners(true).build();
    }
}
