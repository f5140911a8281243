package org.reflectlab.core.aphasia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Telephone's result as the plain-text tables the CLI prints (and the docs quote), and as CSV. */
public final class TelephoneTables {

    private TelephoneTables() {
    }

    public static List<String> lines(Telephone.Result r) {
        List<String> out = new ArrayList<>();
        Telephone.Settings s = r.settings();
        out.add(String.format(Locale.ROOT, "# aphasia telephone: model '%s' (weights sha256 %s), judge 'judge'", r.model(),
                r.modelSha().substring(0, Math.min(12, r.modelSha().length()))));
        out.add(String.format(Locale.ROOT, "# %d held-out scenes (ShapesWorld seed %d), %d rounds; %d bootstrap resamples",
                s.scenes(), s.dataSeed(), s.rounds(), s.resamples()));
        for (Telephone.Path p : Telephone.Path.values()) {
            out.add("# " + p.label() + ": " + p.description() + ", again and again");
        }
        out.add("# round 0 = the original as the judge reads it; each score against the TRUE scene (fine position: blob centroid");
        out.add("# within " + AttributeAgreement.FINE_TOLERANCE_PX + " px of the original's); mean over scenes [95% bootstrap interval]");
        for (Telephone.Path p : Telephone.Path.values()) {
            out.add("");
            out.add("## " + p.label());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s", "round"));
            for (Metric m : Telephone.ATTRIBUTES) {
                head.append(String.format(Locale.ROOT, " %22s", m.label()));
            }
            if (p == Telephone.Path.WORDS) {
                head.append("  unparsed  changed");
            }
            out.add(head.toString());
            for (int round = 0; round <= s.rounds(); round++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d", round));
                for (Metric m : Telephone.ATTRIBUTES) {
                    MetricSummary.Interval i = r.at(p, round, m);
                    row.append(String.format(Locale.ROOT, " %22s",
                            String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.mean(), i.low(), i.high())));
                }
                if (p == Telephone.Path.WORDS) {
                    row.append(String.format(Locale.ROOT, "  %8d  %7d", r.unparsed()[round], r.changed()[round]));
                }
                out.add(row.toString());
            }
            if (p == Telephone.Path.WORDS) {
                out.add("# changed = captions not the same words as the round before's (round 1: as the true description)");
            }
            out.add("lost first to last (first round below " + Math.round(Telephone.LOST_SHARE * 100) + "% of round 0; never = kept): "
                    + order(r, p));
        }
        out.add(String.format(Locale.ROOT, "# ran in %.1f s", r.seconds()));
        return out;
    }

    static String order(Telephone.Result r, Telephone.Path p) {
        return r.lossOrder(p).stream().map(m -> {
            int at = r.firstLost(p, m);
            return m.label() + " (" + (at < 0 ? "never" : "round " + at) + ")";
        }).collect(Collectors.joining(", "));
    }

    /** One row per path, round and attribute: mean, low, high. */
    public static void writeCsv(Telephone.Result r, Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("path,round,metric,mean,low,high");
        for (Telephone.Path p : Telephone.Path.values()) {
            for (int round = 0; round <= r.settings().rounds(); round++) {
                for (Metric m : Telephone.ATTRIBUTES) {
                    MetricSummary.Interval i = r.at(p, round, m);
                    rows.add(String.format(Locale.ROOT, "%s,%d,%s,%.6f,%.6f,%.6f", p.name().toLowerCase(Locale.ROOT), round, m.key(),
                            i.mean(), i.low(), i.high()));
                }
            }
        }
        Files.write(file, rows);
    }
}
