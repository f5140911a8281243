package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.RoundTrip;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concepts.AttentionMaps;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.concepts.Derivation;
import org.reflectlab.core.concepts.ModalityLosses;
import org.reflectlab.core.concepts.Progress;
import org.reflectlab.core.concepts.Quiz;
import org.reflectlab.core.concepts.Tokenization;
import org.reflectlab.core.concepts.Tradeoff;
import org.reflectlab.core.concepts.TttConvergence;
import org.reflectlab.core.concepts.VqSweep;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.reflectlab.core.text.Phrase;

@Command(name = "concepts", mixinStandardHelpOptions = true,
        description = {"The lecture's appendix experiments, computed on the real models:",
            "tokens | vq | attention | losses | ttt | derivation | tradeoff | quiz"})
final class ConceptsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "Panel: tokens, vq, attention, losses, ttt, derivation, tradeoff or quiz.")
    String panel;
    @Option(names = "--seed", converter = SeedConverter.class, defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    ModelsFolder models;
    @Option(names = "--sweep", description = "derivation/quiz/tradeoff: stored sweep name (default: the one with most rows).")
    String sweep;
    @Option(names = "--sizes", split = ",", description = "vq: codebook sizes (default: 512,1024,2048,4096,8192,16384).")
    List<Integer> sizes;
    @Option(names = "--budget", defaultValue = "20", description = "vq: seconds per codebook at most (default: ${DEFAULT-VALUE}).")
    double budget;
    @Option(names = "--iterations", defaultValue = "80", description = "vq: mini-batches per codebook (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--samples", defaultValue = "32", description = "losses: held-out samples; quiz: retrieval pairs x 6 (default: ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--caption", description = "attention/ttt: a caption (default: sample 0 of the seed / 'a red circle').")
    String caption;
    @Option(names = "--steps", defaultValue = "40", description = "ttt: gradient steps per learning rate (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--prompts", defaultValue = "1000", description = "tradeoff: prompts the training cost is amortised over (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConceptsModels m = new ConceptsModels(models.store(), AppPaths.sweeps());
        Progress quiet = Progress.NONE;
        List<Phrase> lines; // each line said in English
        try {
            Backend.start();
            lines = switch (panel) {
                case "tokens" -> Tokenization.measure(Tokenization.Settings.defaults(seed)).table();
                case "vq" -> {
                    VqSweep.Settings d = VqSweep.Settings.defaults(seed);
                    yield VqSweep.run(new VqSweep.Settings(seed, sizes == null ? d.sizes() : sizes, d.trainImages(), d.testImages(),
                            d.patch(), iterations, d.batch(), budget), 0, quiet).table();
                }
                case "attention" -> {
                    Caption c = caption(err);
                    if (c == null) {
                        yield null;
                    }
                    ShapesWorld world = new ShapesWorld(DataSpec.defaults(seed));
                    var scene = org.reflectlab.core.data.SceneSampler.realize(c, ShapesWorld.random(seed, 0)).orElseThrow();
                    yield AttentionMaps.measure(m.unified(), world.render(scene), c).table();
                }
                case "losses" -> ModalityLosses.run(m.unified(), seed, samples, quiet).table();
                case "ttt" -> {
                    Caption c = caption(err);
                    yield c == null ? null : ttt(m, c).table();
                }
                case "derivation" -> derivation(m).table();
                case "tradeoff" -> Tradeoff.measure(m, sweep, prompts).table();
                case "quiz" -> quiz(m);
                default -> {
                    err.println("error: unknown panel '" + panel + "'; one of tokens, vq, attention, losses, ttt, derivation, tradeoff, quiz");
                    yield null;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        } catch (ModelStoreException e) {
            err.println("error: " + e.getMessage());
            return Cli.FAILED;
        }
        if (lines == null) {
            return Cli.BAD_INPUT;
        }
        lines.forEach(l -> o.println(l.english()));
        o.flush();
        return 0;
    }

    private TttConvergence.Result ttt(ConceptsModels m, Caption c) throws ModelStoreException {
        TttConvergence.Settings d = TttConvergence.Settings.defaults(seed);
        return TttConvergence.run(m.reflector(), c, new TttConvergence.Settings(seed, d.rates(), steps, d.batch(), d.candidates(),
                d.samplingSteps()), Progress.NONE);
    }

    private Derivation.Result derivation(ConceptsModels m) throws java.io.IOException {
        ConceptsModels.StoredSweep s = m.sweep(sweep);
        if (s == null) {
            throw new IllegalArgumentException("no stored sweep in " + m.sweepsDir() + ": run `reflectlab sweep --quick` first");
        }
        return Derivation.analyse(s.name(), s.rows());
    }

    private List<Phrase> quiz(ConceptsModels m) throws Exception {
        List<Quiz.Answer> answers = new ArrayList<>();
        answers.add(Quiz.retrieval(m.unified(), seed, samples * 6));
        Derivation.Result d = m.sweep(sweep) == null ? null : derivation(m);
        answers.add(Quiz.doubling(d));
        answers.add(Quiz.limit(AphasiaModels.load(m.store(), UnifiedModelIO.DEFAULT_NAME)
                .run(AphasiaSettings.of(seed, samples * 3), RoundTrip.SILENT)));
        TttConvergence.Result ttt = ttt(m, CaptionParser.parse("a red circle").caption());
        answers.add(Quiz.objectives(ttt, manifest(m, "generator-sft"), manifest(m, "generator-base")));
        return Quiz.table(answers).stream().map(Phrase::literal).toList();
    }

    private static org.reflectlab.core.store.Manifest manifest(ConceptsModels m, String name) {
        try {
            return m.store().verify(name);
        } catch (ModelStoreException e) {
            return null;
        }
    }

    private Caption caption(PrintWriter err) {
        if (caption == null) {
            return panel.equals("ttt") ? CaptionParser.parse("a red circle").caption()
                    : new ShapesWorld(DataSpec.defaults(seed)).sample(0).caption();
        }
        ParseResult p = CaptionParser.parse(caption);
        if (!p.ok()) {
            err.println(CliText.error(CliText.parseError(p.error())));
            return null;
        }
        return p.caption();
    }

    static List<String> panels() {
        return Arrays.asList("tokens", "vq", "attention", "losses", "ttt", "derivation", "tradeoff", "quiz");
    }
}
