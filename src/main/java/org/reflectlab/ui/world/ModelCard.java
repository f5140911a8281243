package org.reflectlab.ui.world;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.SystemIdentification;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.ui.kit.I18n;

/** What the models are: the explicit model's identified physics beside the true values; the implicit model's size. */
final class ModelCard extends VBox {

    private final GridPane params = new GridPane();
    private final Label implicitNote = new Label();
    private final WorldViewModel vm;

    ModelCard(WorldViewModel vm) {
        this.vm = vm;
        setId("world-model-card");
        getStyleClass().add("card");
        setSpacing(4);
        setMinWidth(220);
        setPrefWidth(340);
        setMaxWidth(420);
        params.setHgap(12);
        params.setVgap(2);
        implicitNote.getStyleClass().add("muted");
        implicitNote.setWrapText(true);
        implicitNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // compact (issue 27): the explicit model heads its own table, how it was identified is that head's tooltip, so the
        // card is no taller than the metrics beside it and the rollout page fits 1024x700 with a reveal shown
        getChildren().addAll(params, implicitNote);
        vm.modelsProperty().addListener((o, a, m) -> show(m));
        show(vm.modelsProperty().get());
        // built, not bound: build it again in the new language
        I18n.localeProperty().addListener((o, a, l) -> show(vm.modelsProperty().get()));
    }

    private void show(WorldModels m) {
        if (m == null && vm.released()) {
            return; // let go while hidden: the card keeps what it showed until they are back
        }
        params.getChildren().clear();
        if (m == null) {
            implicitNote.setText(I18n.tr("world.card.loading"));
            return;
        }
        SystemIdentification.Result id = m.identification();
        PhysicsParams t = PhysicsParams.defaults();
        PhysicsParams p = id.params();
        String[] head = {I18n.tr("world.card.explicit.head"), I18n.tr("world.card.identified"), I18n.tr("world.card.true")};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add(c == 0 ? "section-title" : "table-head");
            h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            params.add(h, c, 0);
        }
        Tooltip how = new Tooltip(I18n.tr("world.card.explicit", WorldModels.CALIBRATION_ROLLOUTS, id.flightRows(), id.bounceWindows()));
        how.setWrapText(true);
        how.setMaxWidth(360);
        ((Label) params.getChildren().get(0)).setTooltip(how);
        row(1, "world.card.gravity", p.gravity(), t.gravity());
        row(2, "world.card.restitution", p.restitution(), t.restitution());
        row(3, "world.card.damping", p.damping(), t.damping());
        row(4, "world.card.mass", p.mass(), t.mass());
        if (m.hasImplicit()) {
            implicitNote.setText(I18n.tr("world.card.implicit", m.implicit().params().count()));
            implicitNote.setTooltip(new Tooltip(m.implicit().summary()));
        } else {
            implicitNote.setText(I18n.tr("world.card.implicit.none"));
        }
    }

    private void row(int r, String nameKey, double identified, double truth) {
        Label name = new Label(I18n.tr(nameKey));
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        params.addRow(r, name, num(identified), num(truth));
    }

    private static Label num(double v) {
        Label l = new Label(I18n.number(v, 4));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a number cut to "2...." says nothing
        l.getStyleClass().add("num");
        return l;
    }
}
