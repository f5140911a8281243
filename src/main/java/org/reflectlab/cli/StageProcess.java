package org.reflectlab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.Launcher;
import org.reflectlab.core.pipeline.Pipeline;

/**
 * Runs a pipeline stage as its own JVM (the same java, class path and JVM options as this one),
 * its output into {@code <logs>/<stage>.log}: two stages at once must not share one process's
 * ND4J thread settings and static state, and their interleaved progress lines would be unreadable.
 */
final class StageProcess implements Pipeline.Runner {

    private final Path logs;
    private final java.util.Set<Process> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    StageProcess(Path logs) {
        this.logs = logs;
        // Ctrl+C or SIGTERM on the pipeline reaches its stages: each stops after its step and saves its
        // checkpoint (so the next run resumes it) instead of running on, orphaned
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "pipeline-stop-stages"));
    }

    private void stopAll() {
        live.forEach(Process::destroy);
        for (Process p : live) {
            try {
                p.waitFor(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How long a stopped pipeline waits for a stage to save its checkpoint. */
    private static final long STOP_WAIT_SECONDS = 120;

    @Override
    public int run(List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(logName(args) + ".log").toFile())).start();
        live.add(p);
        try {
            return p.waitFor();
        } finally {
            p.destroy();
            live.remove(p);
        }
    }

    /** The stage's output name (--out), or the command's words for commands without one. */
    static String logName(List<String> args) {
        int out = args.indexOf("--out");
        if (out >= 0 && out + 1 < args.size()) {
            return Path.of(args.get(out + 1)).getFileName().toString().replaceFirst("\\.tsv$", "");
        }
        return String.join("-", args.subList(0, Math.min(2, args.size())));
    }
}
