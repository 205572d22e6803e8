package dk.barometer.cli;

import dk.barometer.config.SimulationSettings;
import dk.barometer.demo.EstimateCoverage;
import java.io.PrintStream;
import java.util.List;

/** Prints the coverage check and fails it when the pooled coverage is outside the configured range. */
final class CoveragePrinter {
  private final PrintStream out;
  private final SimulationSettings settings;

  CoveragePrinter(PrintStream out, SimulationSettings settings) {
    this.out = out;
    this.settings = settings;
  }

  void print(int wave, List<EstimateCoverage> results) {
    double low = settings.coverageRange().get(0);
    double high = settings.coverageRange().get(1);
    out.printf("Coverage of 95 %% intervals: %d samples from the demo population of wave %d (population seed %d, "
        + "sample seed %d). Percentages.%n%n", settings.samples(), wave, settings.populationSeed(),
        settings.sampleSeed());
    out.printf("%-8s %-20s %-12s %-14s %-9s %7s %7s %6s %6s %6s %6s %8s %6s %8s %7s%n", "survey", "indicator",
        "domain", "value", "category", "truth", "mean", "bias", "sd", "se", "se/sd", "coverage", "se_b/sd",
        "cover_b", "mean n");
    long intervals = 0;
    long covered = 0;
    double ratioSum = 0;
    long bootstrapIntervals = 0;
    long bootstrapCovered = 0;
    double bootstrapRatioSum = 0;
    for (EstimateCoverage c : results) {
      intervals += c.intervals();
      covered += c.covered();
      ratioSum += c.seRatio();
      bootstrapIntervals += c.bootstrapIntervals();
      bootstrapCovered += c.bootstrapCovered();
      bootstrapRatioSum += c.bootstrapIntervals() > 0 ? c.bootstrapSeRatio() : 0;
      boolean outside = c.coverage() < low || c.coverage() > high;
      out.printf("%-8s %-20s %-12s %-14s %-9s %7.2f %7.2f %6.2f %6.2f %6.2f %6.3f %8.1f %6.3f %8.1f %7.0f%s%n",
          c.survey(), c.indicatorId(), c.domain(), c.domainValue(), c.category(), 100 * c.truth(),
          100 * c.meanEstimate(), 100 * c.bias(), 100 * c.empiricalSd(), 100 * c.meanSe(), c.seRatio(),
          100 * c.coverage(), c.bootstrapSeRatio(), 100 * c.bootstrapCoverage(), c.meanBaseN(),
          outside ? "  outside" : "");
    }
    double pooled = (double) covered / intervals;
    out.printf("%nPooled coverage of %d estimates: %.1f %% (%d of %d intervals); mean se/sd %.3f. Expected %.0f-%.0f "
        + "%%.%n", results.size(), 100 * pooled, covered, intervals, ratioSum / results.size(), 100 * low,
        100 * high);
    if (bootstrapIntervals > 0) {
      out.printf("Bootstrap (%d replicate weights on each of the first %d samples): pooled coverage %.1f %% (%d of %d "
          + "intervals); mean se_b/sd %.3f.%n", settings.bootstrap().replicates(), settings.bootstrap().samples(),
          100.0 * bootstrapCovered / bootstrapIntervals, bootstrapCovered, bootstrapIntervals,
          bootstrapRatioSum / results.size());
    }
    out.println("One estimate's coverage over " + settings.samples() + " samples has a binomial standard error of "
        + String.format("%.1f", 100 * Math.sqrt(0.95 * 0.05 / settings.samples())) + " points; rows marked "
        + "'outside' are expected now and then.");
    if (pooled < low || pooled > high) {
      throw CommandErrors.coverageOutside(pooled, low, high);
    }
  }
}
