package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A small table whose cells wrap fits its container's width and shows every row without a scroll bar (Scaling's fits
 * at 1024x700 showed one method of three, and the optimal-stopping table's last column only after a sideways scroll).
 */
@ExtendWith(ApplicationExtension.class)
class WrappedColumnsTest {

    private TableView<String[]> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        for (int c = 0; c < 5; c++) {
            int col = c;
            TableColumn<String[], String> column = new TableColumn<>("column number " + c);
            column.setCellValueFactory(d -> new SimpleStringProperty(d.getValue()[col]));
            table.getColumns().add(column);
        }
        table.setPrefHeight(80); // what the fits table had: room for one wrapped row
        table.getItems().add(new String[] {"a", "b", "c", "d", "e"});
        WrappedColumns.fit(table);
        WrappedColumns.showAllRows(table);
        VBox filler = new VBox();
        VBox.setVgrow(filler, Priority.ALWAYS);
        // the table's tab is not shown while its items change, as Optimal stopping's while a sweep runs
        tabs = new TabPane(new Tab("first", new VBox()), new Tab("table", new VBox(table, filler)));
        stage.setScene(new Scene(tabs, 460, 500));
        stage.show();
    }

    private TabPane tabs;

    @Test
    void everyRowShowsAndNoColumnReachesPastTheEdge(FxRobot robot) {
        String words = "a sentence long enough to wrap onto several lines in a narrow column";
        robot.interact(() -> table.getItems().setAll(List.of(
                new String[] {"Best-of-N", "0.748 ± 0.145", words, "0.969", "+0.005 -0.025 +0.038 -0.018"},
                new String[] {"Reflect-DiT", "0.500 (no error estimate)", "x", "undefined (the points are all equal)", "y"},
                new String[] {"Reflect-DiT (critic's pick)", words, words, "z", "+0.000 +0.000 +0.000 +0.000"})));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            long shown = table.lookupAll(".table-row-cell").stream()
                    .filter(n -> n instanceof TableRow<?> r && r.getItem() != null && r.isVisible()
                            && r.localToScene(r.getLayoutBounds()).getMaxY() <= table.localToScene(table.getLayoutBounds()).getMaxY() + 0.5)
                    .count();
            assertEquals(3, shown, "each of the three rows lies inside the table");
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertTrue(columns <= table.getWidth(), "columns " + columns + " px in a table of " + table.getWidth());
            assertTrue(table.lookupAll(".scroll-bar").stream().noneMatch(n -> n instanceof ScrollBar s && s.isVisible()),
                    "no scroll bar");
        });
    }
}
