package dk.barometer.cli;

import dk.barometer.config.PublishedFigure;
import dk.barometer.query.PublishedComparison;
import java.io.PrintStream;
import java.util.List;

/** Prints a wave's estimates beside its published figures and fails the check when any is flagged or missing. */
final class PublishedComparisonPrinter {
  private final PrintStream out;

  PublishedComparisonPrinter(PrintStream out) {
    this.out = out;
  }

  void print(int wave, List<PublishedComparison.Comparison> comparisons) {
    out.printf("%-42s %10s %9s %7s %7s %7s %9s  %s%n", "figure", "published", "estimate", "n", "off by",
        "within", "report N", "");
    for (PublishedComparison.Comparison c : comparisons) {
      PublishedFigure f = c.figure();
      out.printf("%-42s %10s %9s %7s %7s %7.1f %9s  %s%n", f.ref(), f.printed(),
          c.estimate() == null ? "-" : String.format("%.1f", c.estimate()),
          c.baseN() == null ? "-" : c.baseN(), c.estimate() == null ? "-" : String.format("%.1f", c.distance()),
          c.tolerance(), f.baseN() == null ? "" : f.baseN(),
          c.estimate() == null ? "MISSING" : c.flagged() ? "FLAG" : "ok");
    }
    long flagged = comparisons.stream().filter(PublishedComparison.Comparison::flagged).count();
    out.printf("%n%d of %d published figures reproduced within tolerance.%n", comparisons.size() - flagged,
        comparisons.size());
    if (flagged > 0) {
      throw CommandErrors.publishedNotReproduced(flagged, wave);
    }
  }
}
