package dk.barometer.weighting;

import dk.barometer.BarometerException;
import dk.barometer.config.TrimmingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Raking with a cap on the weights, as R {@code survey} does it with {@code trimWeights(strict = TRUE)} followed by
 * raking, repeated until both hold; the cap stays fixed. A trim step sets every weight above the cap to the cap and
 * shares the excess equally among the rest (R's rule), repeated until no weight exceeds the cap; the re-raking then
 * restores the margins. It works on cells whose members share one weight per unit of size. In the full sample a
 * cell's size is its respondents. In a bootstrap replicate it is the sum of their multipliers, so that the cap
 * bounds a respondent's weight over its multiplier, the weight of one of its copies in the replicate's resample, and
 * the excess is shared equally among the copies below the cap.
 */
final class TrimmedRaking {
  /** Relative slack on the cap after the final raking, as the R reference uses. */
  static final double CAP_SLACK = 1e-12;
  private static final int MAX_ROUNDS = 1000;

  /** The failure when the cap and the margins do not both hold: the rounds, the largest weight and the cap. */
  interface NotSettled {
    BarometerException error(int rounds, double maxWeight, double cap);

    /** The failure when they cannot: a category's register total is more than the cap times its size. */
    BarometerException error(Shortfall shortfall, double cap);
  }

  /** A margin category whose cells' sizes times the cap fall short of its register total. */
  record Shortfall(String margin, String category, double size, double target) {}

  record Outcome(double[] totals, RakingResult lastRaking, int rounds, long trimmed) {}

  private final Raking raking;
  private final NotSettled notSettled;

  TrimmedRaking(Raking raking, NotSettled notSettled) {
    this.raking = raking;
    this.notSettled = notSettled;
  }

  /** The cap: {@code max_ratio_to_median} times the median respondent weight of the cells' first raking. */
  static double cap(List<Cell> cells, RakingResult first, TrimmingSettings settings) {
    return settings.maxRatioToMedian() * new UnitWeights(cells, totals(cells, first)).median();
  }

  /** The full sample: each cell's size is its respondents, the cap is that of its first raking. */
  Outcome rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets,
               TrimmingSettings settings) {
    RakingResult first = raking.rake(margins, cells, targets);
    double[] units = cells.stream().mapToDouble(Cell::units).toArray();
    return capped(margins, cells, units, targets, first, cap(cells, first, settings));
  }

  /** Cells of the given {@code sizes} under a given cap (a replicate: the full sample's cap). */
  Outcome rake(List<String> margins, List<Cell> cells, double[] sizes, List<Map<String, Double>> targets,
               double cap) {
    return capped(margins, cells, sizes, targets, raking.rake(margins, cells, targets), cap);
  }

  private Outcome capped(List<String> margins, List<Cell> cells, double[] sizes, List<Map<String, Double>> targets,
                         RakingResult first, double cap) {
    Optional<Shortfall> shortfall = shortfall(margins, cells, sizes, targets, cap);
    if (shortfall.isPresent()) {
      throw notSettled.error(shortfall.get(), cap);
    }
    RakingResult result = first;
    double[] totals = totals(cells, result);
    int rounds = 0;
    long trimmed = 0;
    while (largestPerSize(totals, sizes) > cap * (1 + CAP_SLACK)) {
      if (rounds == MAX_ROUNDS) {
        throw notSettled.error(rounds, largestPerSize(totals, sizes), cap);
      }
      rounds++;
      totals = trimStrict(totals, sizes, cap, rounds);
      trimmed = atCap(cells, totals, sizes, cap);
      List<Cell> trimmedCells = new ArrayList<>();
      for (int c = 0; c < cells.size(); c++) {
        trimmedCells.add(new Cell(cells.get(c).categories(), cells.get(c).units(), totals[c]));
      }
      result = raking.rake(margins, trimmedCells, targets);
      totals = totals(trimmedCells, result);
    }
    return new Outcome(totals, result, rounds, trimmed);
  }

  /**
   * The category furthest beyond reach: no weights under the cap can reach a register total above the cap times
   * the category's size, and the loop would only cycle.
   */
  private static Optional<Shortfall> shortfall(List<String> margins, List<Cell> cells, double[] sizes,
                                               List<Map<String, Double>> targets, double cap) {
    Shortfall worst = null;
    for (int m = 0; m < margins.size(); m++) {
      Map<String, Double> size = new TreeMap<>();
      for (int c = 0; c < cells.size(); c++) {
        size.merge(cells.get(c).categories().get(m), sizes[c], Double::sum);
      }
      for (Map.Entry<String, Double> category : size.entrySet()) {
        double target = targets.get(m).get(category.getKey());
        if (target > cap * category.getValue() * (1 + CAP_SLACK)
            && (worst == null || target / category.getValue() > worst.target() / worst.size())) {
          worst = new Shortfall(margins.get(m), category.getKey(), category.getValue(), target);
        }
      }
    }
    return Optional.ofNullable(worst);
  }

  /**
   * R's trimWeights(upper = cap, strict = TRUE) on the weights per unit of size: cap, share the excess equally per
   * unit of size, until none exceeds. When every weight exceeds the cap the excess has nowhere to go.
   */
  private double[] trimStrict(double[] totals, double[] sizes, double cap, int round) {
    double[] perSize = new double[totals.length];
    for (int c = 0; c < totals.length; c++) {
      perSize[c] = totals[c] / sizes[c];
    }
    while (true) {
      double excess = 0;
      double inside = 0;
      boolean[] outside = new boolean[totals.length];
      for (int c = 0; c < totals.length; c++) {
        if (perSize[c] > cap) {
          outside[c] = true;
          excess += (perSize[c] - cap) * sizes[c];
        } else {
          inside += sizes[c];
        }
      }
      if (excess == 0) {
        break;
      }
      if (inside == 0) {
        throw notSettled.error(round, largestPerSize(totals, sizes), cap);
      }
      double share = excess / inside;
      for (int c = 0; c < totals.length; c++) {
        perSize[c] = outside[c] ? cap : perSize[c] + share;
      }
    }
    double[] trimmed = new double[totals.length];
    for (int c = 0; c < totals.length; c++) {
      trimmed[c] = perSize[c] * sizes[c];
    }
    return trimmed;
  }

  /** The respondents of the cells at the cap. */
  private static long atCap(List<Cell> cells, double[] totals, double[] sizes, double cap) {
    long n = 0;
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] / sizes[c] >= cap * (1 - 1e-9)) {
        n += cells.get(c).units();
      }
    }
    return n;
  }

  private static double largestPerSize(double[] totals, double[] sizes) {
    double max = 0;
    for (int c = 0; c < totals.length; c++) {
      max = Math.max(max, totals[c] / sizes[c]);
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
