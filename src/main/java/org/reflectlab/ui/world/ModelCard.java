package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.SystemIdentification;
import org.reflectlab.core.world.WorldModels;

/** What the models are: the explicit model's identified physics beside the true values; the implicit model's size. */
final class ModelCard extends VBox {

    private final GridPane params = new GridPane();
    private final Label explicitNote = new Label();
    private final Label implicitNote = new Label();

    ModelCard(WorldViewModel vm) {
        setId("world-model-card");
        getStyleClass().add("card");
        setSpacing(4);
        setMinWidth(220);
        setPrefWidth(340);
        setMaxWidth(420);
        Label title = new Label("Models");
        title.getStyleClass().add("section-title");
        params.setHgap(12);
        params.setVgap(2);
        explicitNote.getStyleClass().add("muted");
        explicitNote.setWrapText(true);
        explicitNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        implicitNote.getStyleClass().add("muted");
        implicitNote.setWrapText(true);
        implicitNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, explicitNote, params, implicitNote);
        vm.modelsProperty().addListener((o, a, m) -> show(m));
        show(vm.modelsProperty().get());
    }

    private void show(WorldModels m) {
        params.getChildren().clear();
        if (m == null) {
            explicitNote.setText("Identifying physics and loading the implicit model…");
            implicitNote.setText("");
            return;
        }
        SystemIdentification.Result id = m.identification();
        explicitNote.setText(String.format(Locale.ROOT, "Explicit: physics identified by least squares from %d watched "
                + "rollouts (%d free-flight rows, %d bounces).", WorldModels.CALIBRATION_ROLLOUTS, id.flightRows(),
                id.bounceWindows()));
        PhysicsParams t = PhysicsParams.defaults();
        PhysicsParams p = id.params();
        String[] head = {"", "identified", "true"};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add("table-head");
            params.add(h, c, 0);
        }
        row(1, "gravity", p.gravity(), t.gravity());
        row(2, "restitution", p.restitution(), t.restitution());
        row(3, "damping / frame", p.damping(), t.damping());
        row(4, "mass", p.mass(), t.mass());
        if (m.hasImplicit()) {
            implicitNote.setText(String.format(Locale.ROOT, "Implicit: %,d parameters, learned from pixels.",
                    m.implicit().params().count()));
            implicitNote.setTooltip(new Tooltip(m.implicit().summary()));
        } else {
            implicitNote.setText("Implicit: not loaded.");
        }
    }

    private void row(int r, String name, double identified, double truth) {
        params.addRow(r, new Label(name), num(identified), num(truth));
    }

    private static Label num(double v) {
        Label l = new Label(String.format(Locale.ROOT, "%.4f", v));
        l.getStyleClass().add("num");
        return l;
    }
}
