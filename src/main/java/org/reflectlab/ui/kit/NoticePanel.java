package org.reflectlab.ui.kit;

import javafx.beans.binding.Bindings;
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
        Label title = new Label("What to notice: " + workspace);
        title.getStyleClass().add("section-title");
        title.setId("notice-title");
        getChildren().add(Fit.wrapped(title));
        section("The claim", n.claim(), "notice-claim");
        section("The paper's number", n.paper(), "notice-paper");
        Label measured = section("This run", "", "notice-measured");
        measured.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = n.measured().get();
            return s == null || s.isBlank() ? "Nothing measured yet: run the workspace's main action." : s;
        }, n.measured()));
        section("Look for", n.lookFor(), "notice-look-for");
        if (n.latex() != null) {
            getChildren().add(Formula.fitted(n.latex(), 16, 8));
        }
        if (n.why() != null) {
            section("Why", n.why(), "notice-why");
        }
        if (!n.terms().isEmpty()) {
            FlowPane terms = new FlowPane(4, 2);
            terms.setId("notice-terms");
            Label head = new Label("Terms:");
            head.getStyleClass().add("notice-head");
            terms.getChildren().add(Fit.whole(head));
            n.terms().forEach(t -> terms.getChildren().add(GlossaryView.link(t)));
            getChildren().add(terms);
        }
    }

    private Label section(String head, String text, String id) {
        Label h = new Label(head);
        h.getStyleClass().add("notice-head");
        Label body = Fit.wrapped(new Label(text));
        body.setId(id);
        getChildren().addAll(h, body);
        return body;
    }
}
