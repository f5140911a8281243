package org.reflectlab.ui.kit;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** A {@link Notice} on screen: short labelled paragraphs, the formula rendered, and links into the glossary. */
public final class NoticePanel extends VBox {

    public NoticePanel(String workspace, Notice n) {
        super(8);
        getStyleClass().add("notice-panel");
        setPadding(new Insets(4, 2, 8, 2));
        Label title = new Label(I18n.tr("kit.notice.title", workspace));
        title.getStyleClass().add("section-title");
        title.setId("notice-title");
        getChildren().add(Fit.wrapped(title));
        section("kit.notice.claim", n.claim(), "notice-claim");
        section("kit.notice.paper", n.paper(), "notice-paper");
        Label measured = section("kit.notice.measured", "", "notice-measured");
        measured.textProperty().bind(I18n.text(() -> {
            String s = n.measured().get();
            return s == null || s.isBlank() ? I18n.tr("kit.notice.measured.none") : s;
        }, n.measured()));
        section("kit.notice.look-for", n.lookFor(), "notice-look-for");
        if (n.latex() != null) {
            getChildren().add(Formula.fitted(n.latex(), 16, 8));
        }
        if (n.why() != null) {
            section("kit.notice.why", n.why(), "notice-why");
        }
        if (!n.terms().isEmpty()) {
            FlowPane terms = new FlowPane(4, 2);
            terms.setId("notice-terms");
            Label head = new Label(I18n.tr("kit.notice.terms"));
            head.getStyleClass().add("notice-head");
            terms.getChildren().add(Fit.whole(head));
            n.terms().forEach(t -> terms.getChildren().add(GlossaryView.link(t)));
            getChildren().add(terms);
        }
    }

    /** A heading (an {@link I18n} key) and its paragraph. The panel is built again on a language switch, so plain text. */
    private Label section(String headKey, String text, String id) {
        Label h = new Label(I18n.tr(headKey));
        h.getStyleClass().add("notice-head");
        Label body = Fit.wrapped(new Label(text));
        body.setId(id);
        getChildren().addAll(h, body);
        return body;
    }
}
