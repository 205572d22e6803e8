package dk.barometer.weighting;

import dk.barometer.config.TrimmingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raking with a cap on the weights, as R {@code survey} does it with {@code trimWeights(strict = TRUE)} followed by
 * {@code rake()}, repeated until both hold. The cap is {@code max_ratio_to_median} times the median weight of the
 * first raking, fixed from then on. A trim step sets every weight above the cap to the cap and shares the excess
 * equally among the respondents not above it (R's rule), repeated until no weight exceeds the cap; the re-raking
 * then restores the margins. Works on cells: respondents of a cell share one weight, so they are trimmed together.
 */
final class TrimmedRaking {
  /** Relative slack on the cap after the final raking, as the R reference uses. */
  static final double CAP_SLACK = 1e-12;
  private static final int MAX_ROUNDS = 1000;

  record Outcome(double[] totals, RakingResult lastRaking, int rounds, long trimmed, double cap) {}

  private final String survey;
  private final CellRaking raking;
  private final TrimmingSettings settings;

  TrimmedRaking(String survey, CellRaking raking, TrimmingSettings settings) {
    this.survey = survey;
    this.raking = raking;
    this.settings = settings;
  }

  Outcome rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets) {
    RakingResult result = raking.rake(margins, cells, targets);
    double[] totals = totals(cells, result);
    double cap = settings.maxRatioToMedian() * new UnitWeights(cells, totals).median();
    int rounds = 0;
    long trimmed = 0;
    while (maxUnitWeight(cells, totals) > cap * (1 + CAP_SLACK)) {
      if (rounds == MAX_ROUNDS) {
        throw WeightingErrors.trimmingNotConverged(survey, rounds, maxUnitWeight(cells, totals), cap);
      }
      rounds++;
      trimStrict(cells, totals, cap);
      trimmed = atCap(cells, totals, cap);
      List<Cell> trimmedCells = new ArrayList<>();
      for (int c = 0; c < cells.size(); c++) {
        trimmedCells.add(new Cell(cells.get(c).categories(), cells.get(c).units(), totals[c]));
      }
      result = raking.rake(margins, trimmedCells, targets);
      totals = totals(trimmedCells, result);
    }
    return new Outcome(totals, result, rounds, trimmed, cap);
  }

  /** R's trimWeights(upper = cap, strict = TRUE) on cell totals: cap, share the excess equally, until none exceeds. */
  private static void trimStrict(List<Cell> cells, double[] totals, double cap) {
    while (true) {
      double excess = 0;
      long inside = 0;
      boolean[] outside = new boolean[totals.length];
      for (int c = 0; c < totals.length; c++) {
        long units = cells.get(c).units();
        double unit = totals[c] / units;
        if (unit > cap) {
          outside[c] = true;
          excess += (unit - cap) * units;
        } else {
          inside += units;
        }
      }
      if (excess == 0) {
        return;
      }
      double share = excess / inside;
      for (int c = 0; c < totals.length; c++) {
        long units = cells.get(c).units();
        totals[c] = outside[c] ? cap * units : totals[c] + share * units;
      }
    }
  }

  private static long atCap(List<Cell> cells, double[] totals, double cap) {
    long n = 0;
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] / cells.get(c).units() >= cap * (1 - 1e-9)) {
        n += cells.get(c).units();
      }
    }
    return n;
  }

  private static double maxUnitWeight(List<Cell> cells, double[] totals) {
    double max = 0;
    for (int c = 0; c < totals.length; c++) {
      max = Math.max(max, totals[c] / cells.get(c).units());
    }
    return max;
  }

  static double[] totals(List<Cell> cells, RakingResult result) {
    double[] totals = new double[cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      totals[c] = cells.get(c).weight() * result.factors().get(cells.get(c).categories());
    }
    return totals;
  }
}
