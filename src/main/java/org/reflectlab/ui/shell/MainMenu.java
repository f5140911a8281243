package org.reflectlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.ui.kit.GlossaryView;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;

/**
 * The main window's menu bar (File, View with the workspaces and the language, Help) and the two dialogs it opens
 * (keyboard shortcuts, About). Every text is bound to {@link I18n}, so View > Language re-labels it in place.
 */
final class MainMenu {

    private final BorderPane owner;
    private final ShellViewModel vm;
    private final AppServices services;
    private final Consumer<String> reopen;
    private final MenuBar bar;

    MainMenu(BorderPane owner, ShellViewModel vm, AppServices services, Consumer<String> reopen, ToggleButton notice,
             ToggleButton tasks) {
        this.owner = owner;
        this.vm = vm;
        this.services = services;
        this.reopen = reopen;
        bar = new MenuBar(file(), view(notice, tasks), help());
        bar.setId("menu-bar");
    }

    MenuBar bar() {
        return bar;
    }

    private Menu file() {
        MenuItem quit = item("shell.menu.quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> owner.getScene().getWindow().hide());
        ExperimentViewModel experiments = new ExperimentViewModel(services.settings(), services.models(),
                () -> vm.selectedProperty().get().id(), reopen, services.notifier());
        Menu file = new Menu();
        file.textProperty().bind(I18n.text("shell.menu.file"));
        file.getItems().addAll(ExperimentMenu.save(owner, experiments), ExperimentMenu.open(owner, experiments),
                new SeparatorMenuItem(), quit);
        return file;
    }

    private Menu view(ToggleButton noticeButton, ToggleButton tasksButton) {
        Menu view = new Menu();
        view.setId("menu-view");
        view.textProperty().bind(I18n.text("shell.menu.view"));
        ToggleGroup group = new ToggleGroup();
        List<Workspace> all = vm.workspaces();
        for (int i = 0; i < all.size(); i++) {
            Workspace w = all.get(i);
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(I18n.text(w.titleKey()));
            item.getProperties().put(OPENS, Boolean.TRUE);
            item.setToggleGroup(group);
            if (i < 9) {
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            }
            item.setSelected(w == vm.selectedProperty().get());
            item.setOnAction(e -> vm.selectedProperty().set(w));
            vm.selectedProperty().addListener((o, a, sel) -> item.setSelected(sel == w));
            view.getItems().add(item);
        }
        MenuItem notice = item("shell.menu.notice");
        notice.setAccelerator(KeyCombination.keyCombination("F3"));
        notice.setOnAction(e -> noticeButton.setSelected(!noticeButton.isSelected()));
        MenuItem tasks = item("shell.menu.tasks");
        tasks.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        tasks.setOnAction(e -> tasksButton.setSelected(!tasksButton.isSelected()));
        view.getItems().addAll(new SeparatorMenuItem(), notice, tasks, new SeparatorMenuItem(), language());
        return view;
    }

    /** View > Language: one item per supported language, each named in its own language; the choice is remembered. */
    private Menu language() {
        Menu menu = new Menu();
        menu.setId("menu-language");
        menu.textProperty().bind(I18n.text("shell.menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(I18n.format(l, "shell.language.name"));
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(l.equals(I18n.locale()));
            item.setOnAction(e -> vm.languageProperty().set(l));
            I18n.localeProperty().addListener((o, a, now) -> item.setSelected(l.equals(now)));
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu help() {
        MenuItem keys = item("shell.menu.shortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> showShortcuts());
        MenuItem about = item("shell.menu.about");
        about.setOnAction(e -> showAbout());
        MenuItem glossary = item("shell.menu.glossary");
        glossary.setAccelerator(KeyCombination.keyCombination("F2"));
        glossary.setOnAction(e -> GlossaryView.open(owner.getScene().getWindow(), null));
        Menu help = new Menu();
        help.textProperty().bind(I18n.text("shell.menu.help"));
        help.getItems().addAll(keys, glossary, about);
        return help;
    }

    private static MenuItem item(String key) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(I18n.text(key));
        return item;
    }

    /** Marks the View menu's items that open a workspace (listed as "open X" in the shortcut help). */
    private static final String OPENS = "opens-workspace";

    private void showShortcuts() {
        TextArea list = new TextArea(ShortcutHelp.text(shortcutSections()));
        list.setId("shortcut-list");
        list.setEditable(false);
        list.setStyle("-fx-font-family: monospace;");
        list.setPrefSize(620, 460);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle(I18n.tr("shell.menu.shortcuts"));
        a.setHeaderText(I18n.tr("shell.shortcuts.header"));
        a.getDialogPane().setContent(list);
        a.setResizable(true);
        a.initOwner(owner.getScene().getWindow());
        a.show();
    }

    /** The shortcut list: the menu's accelerators, then every workspace's keymaps. */
    List<ShortcutHelp.Section> shortcutSections() {
        List<ShortcutHelp.Row> global = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            for (MenuItem item : m.getItems()) {
                if (item.getAccelerator() != null) {
                    String what = item.getProperties().containsKey(OPENS) ? I18n.tr("shell.shortcuts.open", item.getText())
                            : item.getText();
                    global.add(new ShortcutHelp.Row(Keymap.display(item.getAccelerator().getName()), what));
                }
            }
        }
        return ShortcutHelp.sections(global, vm.workspaces());
    }

    private void showAbout() {
        BackendInfo info = vm.backendInfoProperty().get();
        StringBuilder versions = new StringBuilder();
        org.reflectlab.core.backend.Backend.versions().forEach((k, v) -> versions.append(I18n.tr("shell.about.version", k, v))
                .append('\n'));
        String backend = info == null ? I18n.tr("shell.backend.starting") : I18n.tr("shell.about.backend", info.said(), info.binary());
        Alert a = new Alert(Alert.AlertType.INFORMATION, I18n.tr("shell.about.text", versions.toString(), backend), ButtonType.CLOSE);
        a.setTitle(I18n.tr("shell.menu.about"));
        a.setHeaderText(I18n.tr("shell.brand"));
        a.initOwner(owner.getScene().getWindow());
        a.show();
    }
}
