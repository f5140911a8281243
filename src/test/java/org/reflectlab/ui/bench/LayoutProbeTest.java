package org.reflectlab.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Every workspace of the real window, after its main action, at 1024x700 and 1280x800: no label
 * shows cut text, no control lies outside the window and nothing needs a sideways scroll. Plus the audit itself, on a layout that
 * is known to cut and clip (so this test can fail).
 */
class LayoutProbeTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theAuditFindsACutLabelAClippedButtonAndASidewaysScroll() throws Exception {
        LayoutAudit.Findings[] found = onFx(() -> {
            Label cut = new Label("a label much longer than the forty pixels it is given");
            cut.setMaxWidth(40);
            Button outside = new Button("Far away");
            outside.setTranslateX(500);
            javafx.scene.control.ScrollPane wide = new javafx.scene.control.ScrollPane(new javafx.scene.layout.Region() {
                {
                    setPrefSize(900, 20);
                }
            });
            wide.setPrefViewportWidth(200);
            wide.setMaxWidth(220);
            Stage stage = new Stage();
            stage.setScene(new Scene(new VBox(cut, new HBox(outside), wide), 300, 200));
            stage.show();
            LayoutAudit.Findings bad = LayoutAudit.audit(stage.getScene());
            stage.setScene(new Scene(new StackPane(new Label("fits")), 300, 200));
            LayoutAudit.Findings good = LayoutAudit.audit(stage.getScene());
            stage.hide();
            return new LayoutAudit.Findings[] {bad, good};
        });
        assertEquals(1, found[0].truncated(), String.join("\n", found[0].details()));
        assertEquals(1, found[0].clipped(), String.join("\n", found[0].details()));
        assertEquals(1, found[0].sideways(), String.join("\n", found[0].details()));
        assertEquals(0, found[1].truncated() + found[1].clipped() + found[1].sideways(), String.join("\n", found[1].details()));
    }

    @Test
    void everyWorkspaceFitsAt1024x700And1280x800() throws Exception {
        int failedBefore = org.reflectlab.ui.kit.Formula.failures().size();
        List<LayoutProbe.Result> results = LayoutProbe.run(LayoutProbe.SIZES, line -> { });
        assertEquals(org.reflectlab.ui.shell.Workspaces.all().size() * 2, results.size(), "every workspace, two sizes");
        StringBuilder report = new StringBuilder();
        for (LayoutProbe.Result r : results) {
            report.append(LayoutProbe.line(r)).append('\n');
            r.details().forEach(d -> report.append("    ").append(d).append('\n'));
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "layout-report.txt"), report.toString());
        assertTrue(results.stream().allMatch(r -> r.truncated() == 0 && r.clipped() == 0), report.toString());
        // Sideways scrolling (issue 27 item 4): what a learner never scrolls to is as good as cut, so none is tolerated
        assertTrue(results.stream().allMatch(r -> r.sideways() == 0), report.toString());
        assertTrue(results.stream().allMatch(LayoutProbe.Result::notice), "every workspace has its What-to-notice panel (with a formula)");
        // every notice's and every Concepts panel's formula was drawn on the way, and none failed to parse
        assertTrue(org.reflectlab.ui.kit.Formula.shownCount() >= 12, "formulas reached: " + org.reflectlab.ui.kit.Formula.shownCount());
        assertEquals(List.of(), org.reflectlab.ui.kit.Formula.failures().subList(failedBefore, org.reflectlab.ui.kit.Formula.failures().size()));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return HeadlessApp.onFx(work);
    }
}
