package org.reflectlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.reflectlab.ui.bench.LayoutProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {"Open every workspace headless at 1024x700 and 1280x800, after its main action has run once (on small",
            "settings), and print per workspace and size how many labels show cut text ('truncated': the shown text differs",
            "from the text), how many controls lie outside the window where no scroll bar reaches them ('clipped') and how",
            "many panes, tables, lists or text areas need a sideways scroll to show their content ('sideways').",
            "Exit code 1 if any is above 0. State (settings, the probe's sweep, caches) goes to a temporary folder unless",
            "-Dreflectlab.home is set."})
final class BenchLayoutCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Also list each cut label, clipped control and sideways-scrolling pane.")
    boolean verbose;

    @Option(names = {"--only", "--workspace"}, split = ",", paramLabel = "WORKSPACE",
            description = "Probe only these workspaces (ids, e.g. scaling,serving); all by default.")
    List<String> only = List.of();

    @Option(names = "--language", description = "The UI language to lay out: en or ja (default: the system's).")
    String language;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (language != null) {
            // read by the shell when the probe builds it (a fresh settings folder has no remembered language)
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(language));
        }
        List<LayoutProbe.Result> results = LayoutProbe.run(LayoutProbe.SIZES, only, line -> {
            err.println(line);
            err.flush();
        });
        int bad = 0;
        for (LayoutProbe.Result r : results) {
            o.println(LayoutProbe.line(r));
            if (verbose) {
                r.details().forEach(d -> o.println("    " + d));
            }
            bad += r.truncated() + r.clipped() + r.sideways();
        }
        o.flush();
        LayoutProbe.shutdown();
        return bad == 0 ? 0 : 1;
    }
}
