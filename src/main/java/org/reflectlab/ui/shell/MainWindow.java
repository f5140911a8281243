package org.reflectlab.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.ui.kit.FxTaskRunner;

/**
 * The main window: menu, sidebar of workspaces, the workspace itself, the background-task
 * panel and the status bar. Workspace views are built on first use and then kept; their heavy state is released
 * while they are hidden and rebuilt on return ({@link IdleRelease}).
 */
public final class MainWindow extends BorderPane {

    private final ShellViewModel vm;
    private final AppServices services;
    private final StackPane host = new StackPane();
    private final Map<String, Node> views = new HashMap<>();
    /** Views stay built; what they hold that is heavy is released while they are hidden (see IdleRelease). */
    private final IdleRelease release = IdleRelease.start();
    /** Runs once, after the first workspace's view is attached and drawn (start-up timing). */
    private Runnable onFirstShown;
    private final FxTaskRunner runner;
    private Workspace shownWorkspace;
    private Node shownView;
    private final TaskProgressView<Task<?>> taskView = new TaskProgressView<>();
    private final VBox taskPanel;
    private final ToggleButton tasksButton = new ToggleButton();
    private MenuBar menuBar;
    private final ToggleButton noticeButton = new ToggleButton("What to notice");
    private final ScrollPane noticeDrawer = new ScrollPane();
    private final Map<String, Node> notices = new HashMap<>();
    /** The drawers' row, over the workspace and below its toolbar (a toolbar's primary action is never covered). */
    private javafx.scene.layout.HBox drawers;

    public MainWindow(ShellViewModel vm, FxTaskRunner runner, AppServices services) {
        this.vm = vm;
        this.services = services;
        this.runner = runner;
        getStyleClass().add("main-window");
        host.getStyleClass().add("workspace-host");

        Label taskTitle = new Label("Background tasks");
        taskTitle.getStyleClass().add("section-title");
        taskView.setId("task-view");
        Label idle = new Label("Nothing running. Long jobs (training, sweeps, exports) show here with a cancel button.");
        idle.setWrapText(true);
        idle.getStyleClass().add("muted");
        idle.visibleProperty().bind(Bindings.isEmpty(taskView.getTasks()));
        idle.managedProperty().bind(idle.visibleProperty());
        taskPanel = new VBox(8, taskTitle, idle, taskView);
        taskPanel.getStyleClass().add("task-panel");
        taskPanel.setPrefWidth(320);
        VBox.setVgrow(taskView, Priority.ALWAYS);
        runner.tasks().addListener((ListChangeListener<Task<?>>) c -> {
            while (c.next()) {
                // TaskProgressView removes finished tasks itself, so it only needs the additions.
                c.getAddedSubList().forEach(t -> taskView.getTasks().add(t));
            }
        });

        menuBar = menuBar();
        setTop(menuBar);
        setLeft(sidebar());
        // The task panel lies over the workspace's right edge instead of taking width from it, so
        // opening it never pushes a workspace's controls out of the window.
        taskPanel.setId("task-panel");
        taskPanel.setMaxWidth(320);
        taskPanel.setMaxHeight(Double.MAX_VALUE);
        taskPanel.visibleProperty().bind(tasksButton.selectedProperty());
        taskPanel.managedProperty().bind(tasksButton.selectedProperty());
        noticeDrawer.setId("notice-drawer");
        noticeDrawer.getStyleClass().add("notice-drawer");
        noticeDrawer.setFitToWidth(true);
        noticeDrawer.setPrefWidth(360);
        noticeDrawer.setMinWidth(280);
        noticeDrawer.setMaxHeight(Double.MAX_VALUE);
        noticeDrawer.visibleProperty().bind(noticeButton.selectedProperty());
        noticeDrawer.managedProperty().bind(noticeButton.selectedProperty());
        noticeButton.selectedProperty().addListener((o, a, open) -> {
            if (open) {
                showNotice();
            }
        });
        // Drawers lie over the workspace's right edge; the empty rest of their row lets clicks through.
        drawers = new javafx.scene.layout.HBox(noticeDrawer, taskPanel);
        drawers.setPickOnBounds(false);
        drawers.setAlignment(Pos.TOP_RIGHT);
        drawers.setMaxWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(drawers, Pos.TOP_RIGHT);
        setCenter(new StackPane(host, drawers));
        setBottom(statusBar(runner));

        vm.selectedProperty().addListener((o, a, w) -> show(w));
        show(vm.selectedProperty().get());
    }

    private void show(Workspace w) {
        if (w == null) {
            return;
        }
        Node built = views.get(w.id());
        if (built != null) {
            attach(w, built);
            return;
        }
        // Built the first time: the skeleton shows at once, the build starts once it is drawn.
        host.getChildren().setAll(new WorkspaceSkeleton(w));
        noticeDrawer.setContent(new Label("loading..."));
        WorkspaceSkeleton.afterFrames(2, () -> {
            if (vm.selectedProperty().get() == w && !views.containsKey(w.id())) {
                attach(w, views.computeIfAbsent(w.id(), id -> build(w)));
            }
        });
    }

    /** After an experiment was opened: every workspace is built again from the restored settings. */
    private void reopen(String workspaceId) {
        views.clear();
        notices.clear();
        Workspace w = vm.workspaces().stream().filter(x -> x.id().equals(workspaceId)).findFirst().orElse(vm.selectedProperty().get());
        if (vm.selectedProperty().get() == w) {
            show(w);
        } else {
            vm.selectedProperty().set(w);
        }
    }

    private Node build(Workspace w) {
        try {
            // one coalescing feed per workspace: its hand-overs to the FX thread run together, once per pulse
            return w.factory().apply(services.withRunner(runner.through(org.reflectlab.ui.kit.PulseFeed.fx())));
        } catch (RuntimeException | LinkageError e) {
            // A workspace that cannot open must not take the window with it: say why, keep the rest usable.
            e.printStackTrace();
            Label error = new Label("The " + w.title() + " workspace could not open: " + e);
            error.setWrapText(true);
            error.getStyleClass().add("error-text");
            StackPane pane = new StackPane(error);
            pane.setPadding(new javafx.geometry.Insets(40));
            return pane;
        }
    }

    private void attach(Workspace w, Node view) {
        // the workspace read its remembered settings while it was built: say once which ones it refused
        List<String> refused = services.settings().takeRefused();
        if (!refused.isEmpty()) {
            services.notifier().info("Remembered settings out of range were left out, the defaults are used: " + String.join("; ", refused));
        }
        host.getChildren().setAll(view);
        release.shown(view);
        if (onFirstShown != null) {
            WorkspaceSkeleton.afterFrames(1, onFirstShown);
            onFirstShown = null;
        }
        drawers.paddingProperty().unbind();
        if (view instanceof BorderPane b && b.getTop() instanceof javafx.scene.layout.Region top) {
            drawers.paddingProperty().bind(Bindings.createObjectBinding(() -> new javafx.geometry.Insets(top.getHeight(), 0, 0, 0),
                    top.heightProperty()));
        } else {
            drawers.setPadding(javafx.geometry.Insets.EMPTY);
        }
        shownWorkspace = w;
        shownView = view;
        if (noticeButton.isSelected()) {
            showNotice();
        } else if (view instanceof org.reflectlab.ui.kit.Notice.Source s && s.notice().latex() != null) {
            // the drawer is closed: its panel is built when it opens; its formula renders on a worker meanwhile
            String latex = s.notice().latex();
            runner.submit(org.reflectlab.core.concurrent.BackgroundTask.of("Rendering a formula", ctx -> {
                org.reflectlab.ui.kit.Formula.prerender(latex, 16);
                return null;
            }).hiddenFromTaskList());
        }
    }

    /** The shown workspace's What-to-notice panel into the drawer (built the first time the drawer opens on it). */
    private void showNotice() {
        Workspace w = shownWorkspace;
        Node view = shownView;
        if (w == null) {
            return;
        }
        noticeDrawer.setContent(notices.computeIfAbsent(w.id(), id -> view instanceof org.reflectlab.ui.kit.Notice.Source s
                ? new org.reflectlab.ui.kit.NoticePanel(w.title(), s.notice()) : new Label("Nothing to notice here yet.")));
    }

    private VBox sidebar() {
        Label brand = new Label("ReflectLab");
        brand.getStyleClass().add("brand");
        Label tagline = new Label("unified models · inference-time scaling");
        tagline.getStyleClass().add("brand-tagline");
        tagline.setWrapText(true);
        VBox nav = new VBox(4);
        ToggleGroup group = new ToggleGroup();
        List<Workspace> all = vm.workspaces();
        for (int i = 0; i < all.size(); i++) {
            Workspace w = all.get(i);
            SVGPath icon = new SVGPath();
            icon.setContent(w.icon());
            icon.getStyleClass().add("nav-icon");
            ToggleButton b = new ToggleButton(w.title(), icon);
            b.setId("nav-" + w.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(w.hint() + (i < 9 ? "  (Ctrl+" + (i + 1) + ")" : "")));
            b.setSelected(w == vm.selectedProperty().get());
            b.setOnAction(e -> {
                vm.selectedProperty().set(w);
                b.setSelected(true); // a toggle group would otherwise allow "nothing selected"
            });
            vm.selectedProperty().addListener((o, a, sel) -> b.setSelected(sel == w));
            nav.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        noticeButton.setId("notice-button");
        noticeButton.getStyleClass().add("notice-button");
        noticeButton.setMaxWidth(Double.MAX_VALUE);
        noticeButton.setTooltip(new Tooltip("What this workspace tests, the paper's number, what this run measured and what to "
                + "look for (F3)"));
        VBox side = new VBox(6, brand, tagline, nav, spacer, noticeButton);
        side.getStyleClass().add("sidebar");
        side.setPrefWidth(190);
        return side;
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        ExperimentViewModel experiments = new ExperimentViewModel(services.settings(), services.models(),
                () -> vm.selectedProperty().get().id(), this::reopen, services.notifier());
        Menu file = new Menu("File", null, ExperimentMenu.save(this, experiments), ExperimentMenu.open(this, experiments),
                new SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        ToggleGroup group = new ToggleGroup();
        List<Workspace> all = vm.workspaces();
        for (int i = 0; i < all.size(); i++) {
            Workspace w = all.get(i);
            RadioMenuItem item = new RadioMenuItem(w.title());
            item.setToggleGroup(group);
            if (i < 9) {
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            }
            item.setSelected(w == vm.selectedProperty().get());
            item.setOnAction(e -> vm.selectedProperty().set(w));
            vm.selectedProperty().addListener((o, a, sel) -> item.setSelected(sel == w));
            view.getItems().add(item);
        }
        MenuItem notice = new MenuItem("What to notice");
        notice.setAccelerator(KeyCombination.keyCombination("F3"));
        notice.setOnAction(e -> noticeButton.setSelected(!noticeButton.isSelected()));
        MenuItem tasks = new MenuItem("Background tasks");
        tasks.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        tasks.setOnAction(e -> tasksButton.setSelected(!tasksButton.isSelected()));
        view.getItems().addAll(new SeparatorMenuItem(), notice, tasks);

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> showShortcuts());
        MenuItem about = new MenuItem("About ReflectLab");
        about.setOnAction(e -> showAbout());
        MenuItem glossaryItem = new MenuItem("Glossary");
        glossaryItem.setAccelerator(KeyCombination.keyCombination("F2"));
        glossaryItem.setOnAction(e -> org.reflectlab.ui.kit.GlossaryView.open(getScene().getWindow(), null));
        Menu help = new Menu("Help", null, keys, glossaryItem, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private StatusBar statusBar(FxTaskRunner runner) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.backendStatusProperty());
        Label active = new Label();
        active.setId("active-job");
        active.getStyleClass().add("active-job");
        active.textProperty().bind(runner.activeTitle());
        tasksButton.setId("tasks-button");
        tasksButton.textProperty().bind(Bindings.createStringBinding(
                () -> "Tasks (" + runner.tasks().size() + ")", runner.tasks()));
        tasksButton.setTooltip(new Tooltip("Show running jobs with progress and cancel (Ctrl+T)"));
        runner.tasks().addListener((ListChangeListener<Task<?>>) c -> {
            bar.progressProperty().unbind();
            if (runner.tasks().isEmpty()) {
                bar.setProgress(0);
            } else {
                bar.progressProperty().bind(runner.tasks().get(runner.tasks().size() - 1).progressProperty());
            }
        });
        bar.getRightItems().addAll(active, tasksButton);
        return bar;
    }

    private void showShortcuts() {
        javafx.scene.control.TextArea list = new javafx.scene.control.TextArea(ShortcutHelp.text(shortcutSections()));
        list.setId("shortcut-list");
        list.setEditable(false);
        list.setStyle("-fx-font-family: monospace;");
        list.setPrefSize(620, 460);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setHeaderText("Keyboard shortcuts (keys that move or toggle act unless you are typing in a text field)");
        a.getDialogPane().setContent(list);
        a.setResizable(true);
        a.initOwner(getScene().getWindow());
        a.show();
    }

    /** The shortcut list: the menu's accelerators, then every workspace's keymaps. */
    List<ShortcutHelp.Section> shortcutSections() {
        List<ShortcutHelp.Row> global = new java.util.ArrayList<>();
        for (Menu m : menuBar.getMenus()) {
            for (MenuItem item : m.getItems()) {
                if (item.getAccelerator() != null) {
                    String what = m.getText().equals("View") && item instanceof RadioMenuItem ? "open " + item.getText() : item.getText();
                    global.add(new ShortcutHelp.Row(org.reflectlab.ui.kit.Keymap.display(item.getAccelerator().getName()),
                            what.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + what.substring(1)));
                }
            }
        }
        return ShortcutHelp.sections(global, vm.workspaces());
    }

    private void showAbout() {
        BackendInfo info = vm.backendInfoProperty().get();
        StringBuilder sb = new StringBuilder("A lab for unified multimodal models and inference-time scaling.\n"
                + "Every number comes from a model running on this machine.\n\n");
        org.reflectlab.core.backend.Backend.versions().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append("\n").append(info == null ? "Backend: starting…" : info.summary() + "\n" + info.binary());
        Alert a = new Alert(Alert.AlertType.INFORMATION, sb.toString(), ButtonType.CLOSE);
        a.setHeaderText("ReflectLab");
        a.initOwner(getScene().getWindow());
        a.show();
    }

    /** Runs {@code r} once the first workspace is built and drawn: the main window is interactive from then on. */
    public void setOnFirstShown(Runnable r) {
        onFirstShown = r;
    }

    /** Shows the task panel (e.g. when a long job starts). */
    public void showTasks() {
        Platform.runLater(() -> tasksButton.setSelected(true));
    }
}
