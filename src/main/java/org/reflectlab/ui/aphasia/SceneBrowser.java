package org.reflectlab.ui.aphasia;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Route;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;

/**
 * The Aphasia sample browser: the scenes of the shown result, sorted by how much the textual
 * route lost, filtered to one metric by clicking its bar, and the scene selected.
 */
public final class SceneBrowser {

    private final ReadOnlyObjectWrapper<Metric> filter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Metric> sortBy = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SampleOutcome> browser = FXCollections.observableArrayList();
    private final ObservableList<SampleOutcome> browserView = FXCollections.unmodifiableObservableList(browser);
    private final ReadOnlyStringWrapper browserTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SampleOutcome> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectProperty<AphasiaResult> result;

    SceneBrowser(ReadOnlyObjectProperty<AphasiaResult> result) {
        this.result = result;
        // computed, not set, so the title follows a language switch as well as the filter, the sort and the list
        browserTitle.bind(I18n.text(() -> this.result.get() == null ? "" : filterDescription(), filter, sortBy, browser, result));
    }

    /**
     * Shows only the scenes where the two routes differ on this metric (null: every scene), sorted
     * by that metric's gap (clearing the filter keeps the sort).
     */
    public void setFilter(Metric m) {
        filter.set(m);
        if (m != null) {
            sortBy.set(m);
        }
        refresh();
    }

    /** Sorts the browser by one metric's gap, most lost through text first (null: the mean attribute gap). */
    public void setSortBy(Metric m) {
        sortBy.set(m);
        refresh();
    }

    public void select(SampleOutcome o) {
        selected.set(o);
    }

    /** The gap a scene is sorted by: visual - textual on the metric, or the mean over attributes for null. */
    public static double sortKey(SampleOutcome o, Metric m) {
        return m == null ? o.attributeGap() : o.gap(m);
    }

    /** Lists the shown result's scenes again (after a new result, filter or sort). */
    void refresh() {
        AphasiaResult r = result.get();
        if (r == null) {
            browser.clear();
            selected.set(null);
            return;
        }
        Metric m = filter.get();
        Metric key = sortBy.get();
        List<SampleOutcome> list = r.samples().stream()
                .filter(o -> m == null || m == Metric.PIXELS || o.gap(m) != 0)
                .sorted(Comparator.comparingDouble((SampleOutcome o) -> sortKey(o, key)).reversed()
                        .thenComparing(Comparator.comparingDouble((SampleOutcome o) -> o.gap(Metric.PIXELS)).reversed()))
                .toList();
        browser.setAll(list);
        selected.set(list.isEmpty() ? null : list.get(0));
    }

    /** How the browser is filtered, in words. */
    public String filterDescription() {
        Metric m = filter.get();
        if (m == null) {
            return I18n.tr("aphasia.browser.all", browser.size(), sortLabel(sortBy.get()));
        }
        return I18n.tr("aphasia.browser.filtered", browser.size(), AphasiaTexts.metric(m), sortLabel(sortBy.get()));
    }

    /** "mean attribute gap" or "fine position gap", in the current language. */
    public static String sortLabel(Metric m) {
        return m == null ? I18n.tr("aphasia.browser.sort.mean") : I18n.tr("aphasia.browser.sort.metric", AphasiaTexts.metric(m));
    }

    /** One route's verdict line: what the judge read (its English words), and per attribute whether it matches the truth. */
    public static String verdict(SampleOutcome o, Route route) {
        String seen = o.judged(route).isEmpty() ? I18n.tr("aphasia.verdict.nothing")
                : o.judged(route).stream().map(x -> ModelWords.object(I18n.locale(), x)).collect(Collectors.joining(I18n.tr("aphasia.verdict.separator")));
        String marks = java.util.Arrays.stream(Metric.values()).filter(Metric::isAttribute)
                .map(m -> I18n.tr("aphasia.verdict.mark", mark(o.score(route, m)), AphasiaTexts.metric(m))).collect(Collectors.joining("  "));
        return I18n.tr("aphasia.verdict", seen, marks);
    }

    private static String mark(double score) {
        return score >= 1 ? "✓" : score <= 0 ? "✗" : I18n.number(score, 2);
    }

    /** Keeps the sort across restarts; null (the mean attribute gap) is a value too, so it is stored by name. */
    void remember(Settings s) {
        s.get("aphasia.sortBy").ifPresent(v -> sortBy.set(v.equals("mean") ? null : java.util.Arrays.stream(Metric.values())
                .filter(m -> m.name().equals(v)).findFirst().orElse(null)));
        sortBy.addListener((o, a, b) -> s.put("aphasia.sortBy", b == null ? "mean" : b.name()));
    }

    // Properties //

    /** The metric the browser is filtered to, or null for every scene. */
    public ReadOnlyObjectProperty<Metric> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** What the browser is sorted by: one metric's gap, or null for the mean attribute gap. */
    public ReadOnlyObjectProperty<Metric> sortByProperty() {
        return sortBy.getReadOnlyProperty();
    }

    /** Scenes in browsing order (most lost through text first on {@link #sortByProperty()}); changed on the UI thread only. */
    public ObservableList<SampleOutcome> browser() {
        return browserView;
    }

    /** What the browser shows, in words (see {@link #filterDescription()}). */
    public ReadOnlyStringProperty browserTitleProperty() {
        return browserTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleOutcome> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
