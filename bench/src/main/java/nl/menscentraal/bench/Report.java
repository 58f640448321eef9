package nl.menscentraal.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects figures as rows of a Markdown table, printed at the end and written to a file. */
final class Report {

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String phase, String figure, double value, String unit, ResourceMeter.Usage usage) {
        rows.add(String.format("| %s | %s | %,.0f %s | %s |", phase, figure, value, unit,
                usage == null ? "" : String.format("%.0f%% machine, %.0f%% JVM, heap ≤ %d MiB",
                        usage.machineCpuPercent(), usage.jvmCpuPercent(), usage.maxHeapMiB())));
    }

    void note(String text) {
        notes.add(text);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("| phase | figure | value | CPU and heap |\n| --- | --- | --- | --- |\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        notes.forEach(n -> sb.append('\n').append(n).append('\n'));
        return sb.toString();
    }

    /** Percentile of sorted-on-demand samples (nearest rank). */
    static double percentile(long[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }
}
