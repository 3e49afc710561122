package io.tributary.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table bin/bench prints: a Markdown table (pasted as is into docs/PERFORMANCE.md) plus the machine and its load
 * average, since other processes share the CPU and only same-run ratios are comparable. Not thread-safe.
 */
final class Report {
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(Figure figure) {
    figures.add(figure);
    System.err.printf(Locale.ROOT, "  %s: %s %s (%s: %s)%n", figure.name(), format(figure.value()), figure.unit(),
        figure.baseline(), format(figure.baselineValue()));
  }

  void note(String note) {
    notes.add(note);
    System.err.println("  note: " + note);
  }

  void print(PrintStream out, String mode, long elapsedMillis) {
    out.println();
    out.printf(Locale.ROOT, "| figure | Tributary | baseline (same run) | baseline value | Tributary vs baseline |%n");
    out.println("|---|---:|---|---:|---:|");
    for (Figure f : figures) {
      double advantage = f.advantage();
      out.printf(Locale.ROOT, "| %s | %s %s | %s | %s | %s |%n", f.name(), format(f.value()), f.unit(),
          f.baseline(), Double.isNaN(f.baselineValue()) ? "" : format(f.baselineValue()) + " " + f.unit(),
          Double.isNaN(advantage) ? "" : String.format(Locale.ROOT, "%.2f× %s", advantage,
              advantage >= 1 ? "better" : "worse"));
    }
    out.println();
    notes.forEach(n -> out.println("- " + n));
    out.printf(Locale.ROOT, "- machine: %d cores, %s %s, Java %s; load average %s; mode %s; took %d s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Machine.loadAverage(), mode, elapsedMillis / 1000);
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }

  /** The machine's vital signs, read from the OS. */
  static final class Machine {
    private Machine() {}

    static String loadAverage() {
      try {
        String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)";
      } catch (java.io.IOException e) {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
  }
}
