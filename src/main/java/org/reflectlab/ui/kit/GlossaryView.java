package org.reflectlab.ui.kit;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The glossary on screen: a window listing every term (Help > Glossary, F2), opened at a term
 * from any control tied to it. {@link #explain} gives a control a tooltip with the term's
 * definition and opens the glossary at it on a double-click; {@link #link} is a "?" link.
 */
public final class GlossaryView extends HBox {

    private final ListView<Glossary.Term> terms = new ListView<>();
    private final VBox detail = new VBox(10);
    private static Stage window;
    private static GlossaryView shown;

    public GlossaryView() {
        super(12);
        setId("glossary");
        setPadding(new Insets(12));
        terms.getItems().setAll(Glossary.all());
        terms.setPrefWidth(190);
        terms.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Glossary.Term t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name());
            }
        });
        terms.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> show(t));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(terms, scroll);
        terms.getSelectionModel().select(0);
        // a language switch re-labels the list and the shown term in place (selection and scroll are kept)
        I18n.localeProperty().addListener((o, a, l) -> {
            terms.refresh();
            show(terms.getSelectionModel().getSelectedItem());
        });
    }

    public void select(String term) {
        Glossary.find(term).ifPresent(t -> {
            terms.getSelectionModel().select(t);
            terms.scrollTo(t);
        });
    }

    private void show(Glossary.Term t) {
        detail.getChildren().clear();
        if (t == null) {
            return;
        }
        Label name = new Label(t.name());
        name.getStyleClass().add("section-title");
        name.setId("glossary-term");
        Label def = Fit.wrapped(new Label(t.definition()));
        def.setId("glossary-definition");
        detail.getChildren().addAll(name, def);
        if (t.latex() != null) {
            detail.getChildren().add(Formula.view(t.latex(), 17));
        }
    }

    /** Opens (or brings forward) the glossary window at a term. */
    public static void open(Window owner, String term) {
        if (window == null) {
            shown = new GlossaryView();
            window = new Stage();
            window.titleProperty().bind(I18n.text("kit.glossary.window"));
            javafx.scene.Scene scene = new javafx.scene.Scene(shown, 680, 420);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            window.setScene(scene);
            if (owner != null) {
                window.initOwner(owner);
            }
        }
        if (term != null) {
            shown.select(term);
        }
        window.show();
        window.toFront();
    }

    /** The term's definition as the control's tooltip; a double-click on it opens the glossary there. */
    public static <T extends Node> T explain(T node, String term) {
        Glossary.Term t = Glossary.get(term);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text(() -> I18n.tr("kit.glossary.tooltip", t.name(), t.definition())));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        Tooltip.install(node, tip);
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && node.getScene() != null) {
                open(node.getScene().getWindow(), term);
            }
        });
        return node;
    }

    /** A link with the term's name that opens the glossary at it. */
    public static Hyperlink link(String term) {
        Glossary.Term t = Glossary.get(term);
        Hyperlink h = new Hyperlink();
        h.textProperty().bind(I18n.text(t::name));
        h.getStyleClass().add("glossary-link");
        h.setOnAction(e -> open(h.getScene() == null ? null : h.getScene().getWindow(), term));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text(t::definition));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        h.setTooltip(tip);
        h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return h;
    }
}
