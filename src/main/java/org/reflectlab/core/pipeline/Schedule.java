package org.reflectlab.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Which stage is ready, what is left, and the ETA (measured minutes per estimated minute so far). */
final class Schedule {
    private final Consumer<String> log;
    private final List<Stage> stages;
    private final List<Stage> waiting;
    private final java.util.Set<String> finished = new java.util.HashSet<>();
    private double pace = 1.0;
    private double estimateLeft;
    int ran;
    int skippedCount;

    Schedule(List<Stage> stages, java.util.function.Predicate<Stage> upToDate, Consumer<String> log) {
        this.stages = stages;
        this.waiting = new ArrayList<>(stages);
        this.log = log;
        this.estimateLeft = stages.stream().filter(s -> !upToDate.test(s)).mapToDouble(Stage::estimatedMinutes).sum();
    }

    String head(Stage s) {
        return String.format(Locale.ROOT, "[%d/%d %s]", stages.indexOf(s) + 1, stages.size(), s.name());
    }

    /** The first waiting stage whose needs have all finished or been skipped; null if none is. */
    Stage nextReady() {
        for (Stage s : waiting) {
            if (finished.containsAll(s.needs())) {
                waiting.remove(s);
                return s;
            }
        }
        return null;
    }

    void skipped(Stage s) {
        finished.add(s.name());
        skippedCount++;
    }

    void started(Stage s, int lanes) {
        String head = head(s);
        log.accept(String.format(Locale.ROOT, "%s %s%n%s about %s for this stage, %s for the rest of the pipeline", head,
                s.command(), " ".repeat(head.length()), Pipeline.minutes(s.estimatedMinutes() * pace),
                Pipeline.minutes(estimateLeft * pace / lanes)));
    }

    void finished(Stage s, double took) {
        finished.add(s.name());
        ran++;
        estimateLeft -= s.estimatedMinutes();
        double ratio = s.estimatedMinutes() > 0 ? took / s.estimatedMinutes() : pace;
        pace = Math.max(0.05, (pace * (ran - 1) + ratio) / ran);
    }
}
