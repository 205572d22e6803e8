package dk.barometer.weighting;

import dk.barometer.config.RakingSettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raking (iterative proportional fitting) on the cell table: each iteration scales the cells to the register totals
 * of one margin after the other, until the largest absolute gap over every category of every margin is at most
 * {@code tolerance x population total}. Working on cells instead of rows keeps the cost independent of the
 * number of respondents; the result is the same as raking the rows (R {@code survey::rake}), since raking factors
 * depend on the margin categories only. The targets are those {@link WeightingRecipe} checked against the cells:
 * every category of the cells has a count, every counted category has respondents, every margin one total.
 */
final class CellRaking implements Raking {
  private final String survey;
  private final RakingSettings settings;

  CellRaking(String survey, RakingSettings settings) {
    this.survey = survey;
    this.settings = settings;
  }

  @Override
  public RakingResult rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets) {
    double total = RegisterMargins.total(targets.get(0));
    double[] weights = cells.stream().mapToDouble(Cell::weight).toArray();
    double gap = Double.POSITIVE_INFINITY;
    int iteration = 0;
    while (iteration < settings.maxIterations()) {
      iteration++;
      for (int m = 0; m < margins.size(); m++) {
        Map<String, Double> sums = sums(cells, weights, m);
        for (int c = 0; c < weights.length; c++) {
          String category = cells.get(c).categories().get(m);
          weights[c] *= targets.get(m).get(category) / sums.get(category);
        }
      }
      gap = largestGap(margins, cells, weights, targets).gap();
      if (gap <= settings.tolerance() * total) {
        break;
      }
    }
    if (gap > settings.tolerance() * total) {
      Gap worst = largestGap(margins, cells, weights, targets);
      throw WeightingErrors.notConverged(survey, iteration, worst.margin(), worst.category(), worst.weighted(),
          worst.target(), settings.tolerance());
    }
    Map<List<String>, Double> factors = new HashMap<>();
    for (int c = 0; c < weights.length; c++) {
      factors.put(cells.get(c).categories(), weights[c] / cells.get(c).weight());
    }
    return new RakingResult(factors, iteration, gap);
  }

  private static Map<String, Double> sums(List<Cell> cells, double[] weights, int margin) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (int c = 0; c < weights.length; c++) {
      sums.merge(cells.get(c).categories().get(margin), weights[c], Double::sum);
    }
    return sums;
  }

  /** One category's weighted total against its register total. */
  record Gap(String margin, String category, double weighted, double target) {
    double gap() {
      return Math.abs(weighted - target);
    }
  }

  /** The category of every margin whose weighted total is furthest from the register's. */
  static Gap largestGap(List<String> margins, List<Cell> cells, double[] weights,
                                List<Map<String, Double>> targets) {
    Gap worst = new Gap(margins.get(0), "", 0, 0);
    for (int m = 0; m < margins.size(); m++) {
      Map<String, Double> sums = sums(cells, weights, m);
      for (Map.Entry<String, Double> t : targets.get(m).entrySet()) {
        Gap g = new Gap(margins.get(m), t.getKey(), sums.get(t.getKey()), t.getValue());
        if (g.gap() > worst.gap()) {
          worst = g;
        }
      }
    }
    return worst;
  }
}
