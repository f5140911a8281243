package org.reflectlab.core.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches the desktop app (the app image's launcher, or any command) several times and reads its start-up milestones:
 * the app prints {@code startup: <what> <ms> ms after JVM start} with REFLECTLAB_TIMING set and exits once its main
 * window is interactive with REFLECTLAB_EXIT_WHEN_READY set. Each milestone is also timed from the launch command (the
 * launcher and JVM start included), which is what a user waits. Settings go to a temporary folder, never the user's.
 */
public final class StartupBenchmark {

    /** The milestones of one launch, in ms after the launch command and after JVM start (-1 where not seen). */
    public record Launch(Map<String, Long> fromLaunch, Map<String, Long> fromJvm, int exitCode) {
    }

    private static final Pattern MARK = Pattern.compile("startup: (.+) (\\d+) ms after JVM start");

    private StartupBenchmark() {
    }

    /**
     * One launch of {@code command} (e.g. the app image's bin/ReflectLab), with {@code javaOptions} added to the JVM's
     * (through JAVA_TOOL_OPTIONS, e.g. a CDS archive to compare); killed after {@code timeoutSeconds}.
     */
    public static Launch launch(List<String> command, String javaOptions, long timeoutSeconds) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("reflectlab-startup");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("REFLECTLAB_TIMING", "1");
        pb.environment().put("REFLECTLAB_EXIT_WHEN_READY", "1");
        pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dreflectlab.home=" + home + " " + javaOptions).strip());
        Map<String, Long> fromLaunch = new LinkedHashMap<>();
        Map<String, Long> fromJvm = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = MARK.matcher(line);
                    if (m.find()) {
                        synchronized (fromLaunch) {
                            fromLaunch.putIfAbsent(m.group(1), (System.nanoTime() - t0) / 1_000_000);
                            fromJvm.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "startup-bench-reader");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join(2000);
        synchronized (fromLaunch) {
            return new Launch(Map.copyOf(fromLaunch), Map.copyOf(fromJvm), p.exitValue());
        }
    }

    /** Best (lowest) and median of a milestone over the launches that reached it; NaN if none did. */
    public static double[] bestAndMedian(List<Launch> launches, String what, boolean fromLaunch) {
        List<Long> v = new ArrayList<>();
        for (Launch l : launches) {
            Long ms = (fromLaunch ? l.fromLaunch() : l.fromJvm()).get(what);
            if (ms != null) {
                v.add(ms);
            }
        }
        if (v.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        v.sort(null);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
        return new double[] {v.get(0), median};
    }
}
