package dk.barometer.cli;

import dk.barometer.config.ComparisonExpectation;
import dk.barometer.config.PublishedFigure;
import dk.barometer.query.PublishedComparison;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints a wave's estimates beside its published figures, then its comparisons beside the report's claims, and fails
 * the check when a figure is flagged or missing or a claim is contradicted.
 */
final class PublishedComparisonPrinter {
  private final PrintStream out;

  PublishedComparisonPrinter(PrintStream out) {
    this.out = out;
  }

  void print(int wave, List<PublishedComparison.Comparison> comparisons, List<PublishedComparison.ClaimCheck> claims) {
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
    if (!claims.isEmpty()) {
      out.printf("%n%-44s %9s %17s %6s %13s  %s%n", "claim (conf/comparisons.yaml)", "expected", "difference",
          "ratio", "ratio 95 %", "");
      for (PublishedComparison.ClaimCheck c : claims) {
        ComparisonExpectation e = c.comparison().expected();
        out.printf("%-44s %9s %17s %6s %13s  %s%n", c.comparison().id(),
            (e.direction() == null ? "" : e.direction()) + (e.ratio() == null ? "" : " x" + format(e.ratio(), "%.3g")),
            c.difference() == null ? "-" : String.format("%.1f [%.1f, %.1f]", 100 * c.difference(),
                100 * c.differenceLow(), 100 * c.differenceHigh()),
            format(c.ratio(), "%.2f"), c.ratioLow() == null ? "-" : String.format("%.2f-%.2f", c.ratioLow(),
                c.ratioHigh()), c.verdict());
      }
    }
    long contradicted = claims.stream().filter(c -> c.verdict() == PublishedComparison.Verdict.CONTRADICTED).count();
    out.printf("%n%d of %d claims contradicted by the estimates.%n", contradicted, claims.size());
    if (flagged > 0 || contradicted > 0) {
      throw CommandErrors.publishedNotReproduced(flagged, contradicted, wave);
    }
  }

  private static String format(Double value, String format) {
    return value == null ? "-" : String.format(format, value);
  }
}
