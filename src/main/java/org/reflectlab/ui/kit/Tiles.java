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

    /**
     * A tile with its title drawn by us at a readable size, bottom left under the value: TilesFX scales its own title with the
     * tile, which makes it tiny in a row of small tiles.
     */
    public static javafx.scene.layout.StackPane titled(Tile tile) {
        javafx.scene.control.Label title = new javafx.scene.control.Label(tile.getTitle());
        title.setStyle("-fx-text-fill: #c9d0dc; -fx-font-size: 12px;");
        title.setMouseTransparent(true);
        title.setWrapText(true); // a narrow tile takes its title on two lines rather than cutting it
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tile.setTitle("");
        javafx.scene.layout.StackPane p = new javafx.scene.layout.StackPane(tile, title);
        javafx.scene.layout.StackPane.setAlignment(title, javafx.geometry.Pos.BOTTOM_LEFT);
        javafx.scene.layout.StackPane.setMargin(title, new javafx.geometry.Insets(0, 8, 8, 10));
        return p;
    }
}
