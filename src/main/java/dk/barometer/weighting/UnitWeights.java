package dk.barometer.weighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The distribution of respondent weights, computed from the cells (every respondent of a cell has the same
 * weight), so diagnostics need no pass over the rows.
 */
final class UnitWeights {
  private record Level(double weight, long units) {}

  private final List<Level> levels = new ArrayList<>();
  private final long units;

  /** @param totals the final weight total of each cell, in the order of {@code cells} */
  UnitWeights(List<Cell> cells, double[] totals) {
    long n = 0;
    for (int c = 0; c < totals.length; c++) {
      levels.add(new Level(totals[c] / cells.get(c).units(), cells.get(c).units()));
      n += cells.get(c).units();
    }
    levels.sort(Comparator.comparingDouble(Level::weight));
    this.units = n;
  }

  long units() {
    return units;
  }

  double min() {
    return levels.get(0).weight();
  }

  double max() {
    return levels.get(levels.size() - 1).weight();
  }

  /** The median as R's {@code median()}: the mean of the two middle weights when the count is even. */
  double median() {
    return (at((units - 1) / 2) + at(units / 2)) / 2;
  }

  /** Kish's design effect due to unequal weights, n sum(w^2) / (sum w)^2 = 1 + CV^2. */
  double kishDesignEffect() {
    double sum = 0;
    double squares = 0;
    for (Level l : levels) {
      sum += l.weight() * l.units();
      squares += l.weight() * l.weight() * l.units();
    }
    return units * squares / (sum * sum);
  }

  /** The weight of the respondent at 0-based rank {@code rank} in increasing order. */
  private double at(long rank) {
    long seen = 0;
    for (Level l : levels) {
      seen += l.units();
      if (rank < seen) {
        return l.weight();
      }
    }
    throw new IllegalArgumentException("rank " + rank + " of " + units);
  }
}
