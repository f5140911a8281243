package org.reflectlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.Launcher;

/**
 * Runs a benchmark with the JVM options the app ships with. Memory figures depend on them more than on anything the
 * app does: the same tour measured 2,354 MB peak RSS in a JVM started with -Xmx6g and 775 MB with the shipped options
 * (G1 grew the heap to 1.7 GB under load). A command started without them (a shell alias with another -Xmx, the
 * default heap of a quarter of RAM) runs again as a child JVM with them appended, so the figures are the app's.
 */
final class AsShipped {

    static final String RESOURCE = "/org/reflectlab/shipped-memory.options";

    private AsShipped() {
    }

    /** The shipped memory options, in order (comments and blank lines left out). */
    static List<String> options() {
        try (InputStream in = AsShipped.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The shipped options this JVM was not started with (empty: it runs as shipped). */
    static List<String> missing(List<String> jvmArgs) {
        return options().stream().filter(o -> !jvmArgs.contains(o)).toList();
    }

    /** This JVM's own options. */
    static List<String> jvmArgs() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /**
     * The command that runs {@code args} in a child JVM: this java, this JVM's options (so -D settings and
     * NativeMemoryTracking carry over) then the shipped ones, which win where both set one (the last -Xmx or -XX counts).
     */
    static List<String> childCommand(List<String> jvmArgs, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse("java"));
        c.addAll(jvmArgs);
        c.addAll(options());
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        c.addAll(args);
        return c;
    }

    /** Runs {@code args} in a child JVM as shipped, its output this process's; returns its exit code. */
    static int run(List<String> args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(childCommand(jvmArgs(), args)).inheritIO().start();
        try {
            return p.waitFor();
        } finally {
            p.destroy();
        }
    }
}
