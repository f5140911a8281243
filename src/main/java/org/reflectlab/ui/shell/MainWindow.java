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
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;
import org.reflectlab.ui.kit.FxTaskRunner;
import org.reflectlab.ui.kit.I18n;

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
    private final ToggleButton noticeButton = new ToggleButton();
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

        noticeButton.textProperty().bind(I18n.text("shell.notice.button"));
        Label taskTitle = new Label();
        taskTitle.textProperty().bind(I18n.text("shell.tasks.title"));
        taskTitle.getStyleClass().add("section-title");
        taskView.setId("task-view");
        Label idle = new Label();
        idle.textProperty().bind(I18n.text("shell.tasks.idle"));
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

        setTop(new MainMenu(this, vm, services, this::reopen, noticeButton, tasksButton).bar());
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
        // the drawer's panels are plain text built from the views' notices: built again in the new language (nothing is lost)
        I18n.localeProperty().addListener((o, a, now) -> {
            notices.clear();
            if (noticeButton.isSelected()) {
                showNotice();
            }
        });
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
        noticeDrawer.setContent(loadingLabel());
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
            Label error = new Label();
            error.textProperty().bind(I18n.text("shell.workspace.failed", I18n.text(w.titleKey()), String.valueOf(e)));
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
            services.notifier().info(I18n.tr("shell.settings.refused", String.join(I18n.tr("shell.list.separator"), refused)));
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
            runner.submit(org.reflectlab.core.concurrent.BackgroundTask.of(I18n.tr("shell.task.formula"), ctx -> {
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
                ? new org.reflectlab.ui.kit.NoticePanel(w.title(), s.notice()) : new Label(I18n.tr("shell.notice.none"))));
    }

    private VBox sidebar() {
        Label brand = new Label(I18n.tr("shell.brand"));
        brand.getStyleClass().add("brand");
        Label tagline = new Label();
        tagline.textProperty().bind(I18n.text("shell.tagline"));
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
            ToggleButton b = new ToggleButton(null, icon);
            b.textProperty().bind(I18n.text(w.titleKey()));
            b.setId("nav-" + w.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(i < 9 ? I18n.text("shell.nav.tooltip.key", I18n.text(w.hintKey()),
                    org.reflectlab.ui.kit.Keymap.display("Shortcut+" + (i + 1))) : I18n.text(w.hintKey()));
            b.setTooltip(tip);
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
        Tooltip noticeTip = new Tooltip();
        noticeTip.textProperty().bind(I18n.text("shell.notice.tooltip"));
        noticeButton.setTooltip(noticeTip);
        VBox side = new VBox(6, brand, tagline, nav, spacer, noticeButton);
        side.getStyleClass().add("sidebar");
        side.setPrefWidth(190);
        return side;
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
        tasksButton.textProperty().bind(I18n.text("shell.tasks.button", Bindings.size(runner.tasks())));
        Tooltip tasksTip = new Tooltip();
        tasksTip.textProperty().bind(I18n.text("shell.tasks.tooltip"));
        tasksButton.setTooltip(tasksTip);
        runner.tasks().addListener((ListChangeListener<Task<?>>) c -> {
            bar.progressProperty().unbind();
            if (runner.tasks().isEmpty()) {
                bar.setProgress(0);
            } else {
                bar.progressProperty().bind(runner.tasks().get(runner.tasks().size() - 1).progressProperty());
            }
        });
        bar.getRightItems().addAll(active, tasksButton);
        bar.getLeftItems().add(fontWarning(runner));
        return bar;
    }

    /**
     * One line in the status bar while Japanese is chosen and no installed font can draw it (the UI would show boxes).
     * Said in English: a Japanese sentence would be boxes too.
     */
    private static Label fontWarning(FxTaskRunner runner) {
        javafx.beans.property.BooleanProperty missing = new javafx.beans.property.SimpleBooleanProperty(false);
        runner.submit(org.reflectlab.core.concurrent.BackgroundTask.of(I18n.tr("shell.task.fonts"),
                ctx -> org.reflectlab.ui.kit.FontCheck.japaneseAvailable()).hiddenFromTaskList().onSuccess(ok -> missing.set(!ok)));
        Label l = new Label(I18n.format(I18n.ENGLISH, "shell.font.missing"));
        l.setId("font-warning");
        l.getStyleClass().add("error-text");
        l.visibleProperty().bind(missing.and(I18n.localeProperty().isEqualTo(I18n.JAPANESE)));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label loadingLabel() {
        Label l = new Label();
        l.textProperty().bind(I18n.text("shell.loading"));
        return l;
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
