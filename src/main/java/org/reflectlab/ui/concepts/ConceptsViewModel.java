package org.reflectlab.ui.concepts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.concepts.AttentionMaps;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.concepts.Derivation;
import org.reflectlab.core.concepts.ModalityLosses;
import org.reflectlab.core.concepts.Quiz;
import org.reflectlab.core.concepts.Tokenization;
import org.reflectlab.core.concepts.Tradeoff;
import org.reflectlab.core.concepts.TttConvergence;
import org.reflectlab.core.concepts.VqSweep;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.train.UnifiedModelIO;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * The Concepts workspace: one live experiment per appendix panel ({@link ConceptExperiment}), the shared
 * settings (seed, the caption the attention and TTT panels read) and the attention map selection.
 */
public final class ConceptsViewModel {

    private final ConceptsModels models;
    private final Notifier notifier;

    public final ConceptExperiment<Tokenization.Result> tokens;
    public final ConceptExperiment<VqSweep.Result> vq;
    public final ConceptExperiment<AttentionMaps.Result> attention;
    public final ConceptExperiment<ModalityLosses.Result> losses;
    public final ConceptExperiment<TttConvergence.Result> ttt;
    public final ConceptExperiment<Derivation.Result> derivation;
    public final ConceptExperiment<Tradeoff.Result> tradeoff;
    public final ConceptExperiment<List<Quiz.Answer>> quiz;

    // Properties //

    private final LongProperty seed = new SimpleLongProperty(1);
    private final StringProperty caption = new SimpleStringProperty("a red circle above a blue square");
    private final ReadOnlyStringWrapper captionError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> encoder = new SimpleObjectProperty<>("text");
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty head = new SimpleIntegerProperty(0);
    private final IntegerProperty vqBudget = new SimpleIntegerProperty(8);
    private final ObjectBinding<AttentionMaps.Map> fullMap;
    private final ObjectBinding<AttentionMaps.Map> causalMap;

    public ConceptsViewModel(TaskRunner runner, Notifier notifier, ConceptsModels models) {
        this.models = models;
        this.notifier = notifier;
        tokens = new ConceptExperiment<>("concepts.task.tokens", runner, notifier);
        vq = new ConceptExperiment<>("concepts.task.vq", runner, notifier);
        attention = new ConceptExperiment<>("concepts.task.attention", runner, notifier);
        losses = new ConceptExperiment<>("concepts.task.losses", runner, notifier);
        ttt = new ConceptExperiment<>("concepts.task.ttt", runner, notifier);
        derivation = new ConceptExperiment<>("concepts.task.derivation", runner, notifier);
        tradeoff = new ConceptExperiment<>("concepts.task.tradeoff", runner, notifier);
        quiz = new ConceptExperiment<>("concepts.task.quiz", runner, notifier);
        fullMap = selected(AttentionMaps.Mask.FULL);
        causalMap = selected(AttentionMaps.Mask.CAUSAL);
        caption.addListener((o, a, b) -> captionError.set(parse(b).ok() ? "" : org.reflectlab.ui.kit.ModelWords.parseError(parse(b).error())));
    }

    private ObjectBinding<AttentionMaps.Map> selected(AttentionMaps.Mask mask) {
        return Bindings.createObjectBinding(() -> {
            AttentionMaps.Result r = attention.resultProperty().get();
            if (r == null) {
                return null;
            }
            AttentionMaps.Encoder e = r.encoder(encoder.get(), mask);
            int l = Math.max(0, Math.min(e.layers() - 1, layer.get()));
            int h = Math.max(0, Math.min(e.heads() - 1, head.get()));
            return e.map(l, h);
        }, attention.resultProperty(), encoder, layer, head);
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public ReadOnlyStringProperty captionErrorProperty() {
        return captionError.getReadOnlyProperty();
    }

    public ObjectProperty<String> encoderProperty() {
        return encoder;
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty headProperty() {
        return head;
    }

    public IntegerProperty vqBudgetProperty() {
        return vqBudget;
    }

    public ObjectBinding<AttentionMaps.Map> fullMapProperty() {
        return fullMap;
    }

    public ObjectBinding<AttentionMaps.Map> causalMapProperty() {
        return causalMap;
    }

    public List<ConceptExperiment<?>> all() {
        return List.of(tokens, vq, attention, losses, ttt, derivation, tradeoff, quiz);
    }

    // Commands //

    /** Hidden: the shared model's buffers its runs grew go unless an experiment runs; results and settings stay. */
    public boolean release() {
        return all().stream().noneMatch(e -> e.runningProperty().get()) && models.dropWorkingBuffers();
    }

    public void runTokens() {
        long s = seed.get();
        tokens.run(p -> Tokenization.measure(Tokenization.Settings.defaults(s)));
    }

    public void runVq() {
        VqSweep.Settings d = VqSweep.Settings.defaults(seed.get());
        VqSweep.Settings s = new VqSweep.Settings(d.seed(), d.sizes(), d.trainImages(), d.testImages(), d.patch(), d.iterations(),
                d.batch(), vqBudget.get());
        vq.run(p -> VqSweep.run(s, 4, p));
    }

    public void runAttention() {
        Caption c = validCaption();
        if (c == null) {
            return;
        }
        long s = seed.get();
        attention.run(p -> {
            ShapesWorld world = new ShapesWorld(DataSpec.defaults(s));
            var scene = SceneSampler.realize(c, ShapesWorld.random(s, 0))
                    .orElseThrow(() -> new IllegalArgumentException(I18n.tr("concepts.error.no-scene", c.text())));
            return AttentionMaps.measure(models.unified(), world.render(scene), c);
        });
    }

    public void runLosses() {
        long s = seed.get();
        losses.run(p -> ModalityLosses.run(models.unified(), s, 32, p));
    }

    public void runTtt() {
        Caption c = validCaption();
        if (c == null) {
            return;
        }
        long s = seed.get();
        ttt.run(p -> TttConvergence.run(models.reflector(), c, TttConvergence.Settings.defaults(s), p));
    }

    public void runDerivation() {
        derivation.run(p -> derive());
    }

    public void runTradeoff() {
        tradeoff.run(p -> Tradeoff.measure(models, null, 1000));
    }

    public void runQuiz() {
        long s = seed.get();
        TttConvergence.Result existing = ttt.resultProperty().get(); // read here, on the UI thread
        quiz.run(p -> {
            List<Quiz.Answer> a = new ArrayList<>();
            p.update(0, 4, new Phrase("concepts.quiz.step.retrieval"));
            a.add(Quiz.retrieval(models.unified(), s, 200));
            p.update(1, 4, new Phrase("concepts.quiz.step.doubling"));
            ConceptsModels.StoredSweep sw = models.sweep(null);
            a.add(Quiz.doubling(sw == null ? null : Derivation.analyse(sw.name(), sw.rows())));
            p.check();
            p.update(2, 4, new Phrase("concepts.quiz.step.aphasia", 100));
            a.add(Quiz.limit(AphasiaModels.load(models.store(), UnifiedModelIO.DEFAULT_NAME)
                    .run(AphasiaSettings.of(s, 100), RoundTrip.SILENT)));
            p.check();
            p.update(3, 4, new Phrase("concepts.quiz.step.ttt"));
            TttConvergence.Settings d = TttConvergence.Settings.defaults(s);
            TttConvergence.Result t = existing != null ? existing
                    : TttConvergence.run(models.reflector(), CaptionParser.parse("a red circle").caption(),
                            new TttConvergence.Settings(s, List.of(1e-3, 1e-2), 20, d.batch(), d.candidates(), d.samplingSteps()), p);
            a.add(Quiz.objectives(t, manifest("generator-sft"), manifest("generator-base")));
            return a;
        });
    }

    private org.reflectlab.core.store.Manifest manifest(String name) {
        try {
            return models.store().verify(name);
        } catch (Exception e) {
            return null;
        }
    }

    private Derivation.Result derive() throws java.io.IOException {
        ConceptsModels.StoredSweep s = models.sweep(null);
        if (s == null) {
            throw new IllegalStateException(I18n.tr("concepts.error.no-sweep", String.valueOf(models.sweepsDir())));
        }
        return Derivation.analyse(s.name(), s.rows());
    }

    private Caption validCaption() {
        ParseResult p = parse(caption.get());
        if (!p.ok()) {
            notifier.error(I18n.tr("shell.workspace.concepts"), I18n.tr("concepts.error.caption", org.reflectlab.ui.kit.ModelWords.parseError(p.error())));
            return null;
        }
        return p.caption();
    }

    private static ParseResult parse(String text) {
        return CaptionParser.parse(text == null ? "" : text);
    }
}
