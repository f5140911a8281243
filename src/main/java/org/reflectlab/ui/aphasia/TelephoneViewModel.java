package org.reflectlab.ui.aphasia;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.MetricSummary;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.aphasia.Telephone;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.ui.kit.Experiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.Notifier;

/**
 * Telephone: image -> caption -> image ... for N rounds (and as many through the image latent), over
 * many held-out scenes; the curves per attribute, and one chain at a time to look at, frame by frame
 * with what each round lost.
 */
public final class TelephoneViewModel {

    public static final int MAX_SCENES = 500;

    private final SharedModels models;
    private final Experiment experiment;

    // Properties //
    private final ReadOnlyIntegerWrapper rounds = new ReadOnlyIntegerWrapper(5);
    private final ReadOnlyIntegerWrapper scenes = new ReadOnlyIntegerWrapper(100);
    // a message, so a refusal on screen follows a language switch
    private final javafx.beans.property.SimpleObjectProperty<I18n.Message> refusal =
            new javafx.beans.property.SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Telephone.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper chain = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Telephone.Path> path = new ReadOnlyObjectWrapper<>(Telephone.Path.WORDS);

    TelephoneViewModel(TaskRunner runner, Notifier notifier, SharedModels models) {
        this.models = models;
        this.experiment = new Experiment(runner, notifier, new I18n.Message("aphasia.telephone.failed.title"),
                new I18n.Message("aphasia.telephone.status.ready"));
        settingsError.bind(I18n.textOf(refusal));
    }

    // Commands //

    public boolean setRounds(int n) {
        boolean ok = n >= 1 && n <= Telephone.MAX_ROUNDS;
        refusal.set(ok ? I18n.Message.literal("") : new I18n.Message("aphasia.telephone.settings.rounds", Telephone.MAX_ROUNDS));
        if (ok) {
            rounds.set(n);
        }
        return ok;
    }

    public boolean setScenes(int n) {
        boolean ok = n >= 2 && n <= MAX_SCENES;
        refusal.set(ok ? I18n.Message.literal("") : new I18n.Message("aphasia.telephone.settings.scenes", MAX_SCENES));
        if (ok) {
            scenes.set(n);
        }
        return ok;
    }

    /** Runs telephone on the held-out scenes of {@code seed} in the background. */
    public void run(long seed) {
        Telephone.Settings s = Telephone.Settings.of(seed, scenes.get(), rounds.get());
        experiment.submit(I18n.tr("aphasia.task.telephone", s.scenes(), s.rounds()),
                new I18n.Message("aphasia.telephone.status.running", s.scenes(), s.rounds(), seed),
                ctx -> models.use(ctx, m -> Telephone.run(m.unified(), m.judge(), m.name(), m.sha256(), s, progress(ctx))),
                r -> {
                    result.set(r);
                    chain.set(0);
                    experiment.status(summary(r));
                }, new I18n.Message("kit.status.cancelled"), e -> I18n.Message.literal(Experiment.message(e)), e -> { });
    }

    public void nextChain() {
        showChain(chain.get() + 1);
    }

    public void previousChain() {
        showChain(chain.get() - 1);
    }

    /** Shows kept chain {@code i} (wrapping around). */
    public void showChain(int i) {
        Telephone.Result r = result.get();
        if (r != null && !r.chains().isEmpty()) {
            int n = r.chains().size();
            chain.set(((i % n) + n) % n);
        }
    }

    public void setPath(Telephone.Path p) {
        path.set(p);
    }

    // Derived //

    /** The chain shown, or null before a run. */
    public Telephone.Chain currentChain() {
        Telephone.Result r = result.get();
        return r == null || r.chains().isEmpty() ? null : r.chains().get(chain.get());
    }

    /** The shown path's curve for one attribute: means, lows and highs per round (0 = the original). */
    public double[][] curve(Metric metric) {
        Telephone.Result r = result.get();
        if (r == null) {
            return new double[3][0];
        }
        int n = r.settings().rounds() + 1;
        double[][] out = new double[3][n];
        for (int round = 0; round < n; round++) {
            MetricSummary.Interval i = r.at(path.get(), round, metric);
            out[0][round] = i.mean();
            out[1][round] = i.low();
            out[2][round] = i.high();
        }
        return out;
    }

    /** "Lost first to last" on the shown path, in words of the current language. */
    public String lossOrder() {
        Telephone.Result r = result.get();
        if (r == null) {
            return "";
        }
        Telephone.Path p = path.get();
        List<Metric> order = r.lossOrder(p);
        I18n.Message list = null;
        // nested pairs from the last: one joining pattern per language
        for (int i = order.size() - 1; i >= 0; i--) {
            Metric m = order.get(i);
            int at = r.firstLost(p, m);
            I18n.Message item = at < 0 ? new I18n.Message("aphasia.telephone.order.kept", AphasiaTexts.metric(m))
                    : new I18n.Message("aphasia.telephone.order.round", AphasiaTexts.metric(m), at);
            list = list == null ? item : new I18n.Message("aphasia.telephone.list", item, list);
        }
        return I18n.tr("aphasia.telephone.order", pathName(p), list == null ? "" : list, Math.round(Telephone.LOST_SHARE * 100));
    }

    /** A path's name in the current language ("through words"). */
    static String pathName(Telephone.Path p) {
        return I18n.tr(p == Telephone.Path.WORDS ? "aphasia.telephone.path.words" : "aphasia.telephone.path.latent");
    }

    /** One line under a frame: what was lost in that round (the judge's English words), or that nothing was. */
    public static String lostLine(Telephone.Frame f, int round) {
        if (round == 0) {
            return I18n.tr("aphasia.telephone.lost.original");
        }
        return f.lost().isEmpty() ? I18n.tr("aphasia.telephone.lost.nothing") : I18n.tr("aphasia.telephone.lost", ModelWords.losses(f.lost()));
    }

    static I18n.Message summary(Telephone.Result r) {
        int last = r.settings().rounds();
        return new I18n.Message("aphasia.telephone.status.done", r.settings().scenes(), last, r.settings().seed(), r.seconds(),
                r.at(Telephone.Path.WORDS, last, Metric.FINE).mean(), r.at(Telephone.Path.LATENT, last, Metric.FINE).mean(),
                r.at(Telephone.Path.WORDS, last, Metric.COLOR).mean(), r.at(Telephone.Path.LATENT, last, Metric.COLOR).mean());
    }

    private RoundTrip.Listener progress(TaskContext ctx) {
        return new RoundTrip.Listener() {
            @Override
            public void progress(int done, int total) {
                experiment.progress(ctx, done, total, I18n.tr("aphasia.task.telephone.progress", done, total));
            }

            @Override
            public void checkCancelled() {
                ctx.checkCancelled();
            }
        };
    }

    // Parts and properties //

    public Experiment experiment() {
        return experiment;
    }

    public ReadOnlyIntegerProperty roundsProperty() {
        return rounds.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scenesProperty() {
        return scenes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Telephone.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Index of the kept chain shown. */
    public ReadOnlyIntegerProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Telephone.Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    List<Metric> attributes() {
        return Telephone.ATTRIBUTES;
    }
}
