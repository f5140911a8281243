package org.reflectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.bench.StartupBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Launch the app image several times and time, per launch, its first window (the start-up pane) and its",
            "interactive main window (the first workspace built and drawn), from the launch command and after JVM start;",
            "then best and median. Needs a display (DISPLAY, e.g. under xvfb-run). Exit code 1 if a target is missed",
            "(first window < 1000 ms, interactive < 2000 ms from the launch, median of the launches)."})
final class BenchStartupCommand implements Callable<Integer> {

    static final String WINDOW = "window shown";
    static final String INTERACTIVE = "main window interactive";
    static final String BACKEND = "backend ready";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--launches", defaultValue = "5", description = "Timed launches (default: ${DEFAULT-VALUE}), after one untimed warm-up.")
    int launches;
    @Option(names = "--with", defaultValue = "",
            description = "JVM options to compare (e.g. -XX:SharedArchiveFile=app.jsa): each round launches without, then with them.")
    String with;
    @Option(names = "--image", defaultValue = "target/dist/ReflectLab/bin/ReflectLab",
            description = "The launcher to start (default: ${DEFAULT-VALUE}, built by mvn -Pdist package).")
    Path image;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (launches < 1 || launches > 50) {
            err.println("error: --launches must be in [1, 50]");
            return Cli.BAD_INPUT;
        }
        String cannot = cannotLaunch(image);
        if (cannot != null) {
            err.println("error: " + cannot);
            return Cli.BAD_INPUT;
        }
        return measure(o, image, launches, with) ? 0 : 1;
    }

    /** The launcher at {@code image} cannot be timed here: why (for an error line), or null if it can. */
    static String cannotLaunch(Path image) {
        if (!Files.isExecutable(image)) {
            return "no launcher at " + image + " (build the app image with mvn -Pdist package -DskipTests)";
        }
        if (System.getenv("DISPLAY") == null) {
            return "no DISPLAY: run under a display, e.g. xvfb-run -a -s \"-screen 0 1280x800x24\"";
        }
        return null;
    }

    /**
     * Times {@code launches} launches of {@code image} (each round without, then with the JVM options {@code with} when
     * given), after one untimed warm-up; prints each launch and the best and median; true if the median meets both targets.
     * Also what {@code bench ui --startup-launches} runs, so one command prints every figure of issue 29.
     */
    static boolean measure(PrintWriter o, Path image, int launches, String with) throws Exception {
        List<String> command = List.of(image.toAbsolutePath().toString());
        StartupBenchmark.launch(command, "", 300); // warm-up: the page cache, JavaCPP's unpacked natives
        o.println("# CPU: " + Backend.cpuName() + "; load average (1 min) before " + BenchCommand.Ui.loadAverage());
        o.printf(Locale.ROOT, "%-12s %26s %26s %22s%n", "launch", "first window ms", "interactive ms", "backend ready ms");
        o.printf(Locale.ROOT, "%-12s %13s %12s %13s %12s %11s %10s%n", "", "from launch", "after JVM", "from launch", "after JVM",
                "from launch", "after JVM");
        List<String> variants = with.isBlank() ? List.of("") : List.of("", with);
        List<List<StartupBenchmark.Launch>> all = new ArrayList<>();
        variants.forEach(v -> all.add(new ArrayList<>()));
        for (int i = 1; i <= launches; i++) {
            for (int v = 0; v < variants.size(); v++) {
                StartupBenchmark.Launch l = StartupBenchmark.launch(command, variants.get(v), 300);
                all.get(v).add(l);
                o.printf(Locale.ROOT, "%-12s %13s %12s %13s %12s %11s %10s%n", i + (v == 0 ? "" : " with"), ms(l.fromLaunch(), WINDOW),
                        ms(l.fromJvm(), WINDOW), ms(l.fromLaunch(), INTERACTIVE), ms(l.fromJvm(), INTERACTIVE), ms(l.fromLaunch(), BACKEND),
                        ms(l.fromJvm(), BACKEND));
                o.flush();
            }
        }
        boolean met = true;
        for (int v = 0; v < variants.size(); v++) {
            String label = v == 0 ? "" : " (with " + with + ")";
            double[] window = StartupBenchmark.bestAndMedian(all.get(v), WINDOW, true);
            double[] interactive = StartupBenchmark.bestAndMedian(all.get(v), INTERACTIVE, true);
            o.printf(Locale.ROOT, "first window from launch%s: best %.0f ms, median %.0f ms (%s: < 1000 ms)%n", label, window[0], window[1],
                    window[1] < 1000 ? "met" : "MISSED");
            o.printf(Locale.ROOT, "main window interactive from launch%s: best %.0f ms, median %.0f ms (%s: < 2000 ms)%n", label,
                    interactive[0], interactive[1], interactive[1] < 2000 ? "met" : "MISSED");
            met &= window[1] < 1000 && interactive[1] < 2000;
        }
        o.println("# load average (1 min) after " + BenchCommand.Ui.loadAverage());
        return met;
    }

    private static String ms(Map<String, Long> marks, String what) {
        Long v = marks.get(what);
        return v == null ? "-" : v.toString();
    }
}
