package dk.barometer.weighting;

import java.util.List;

/**
 * How the weighting of one survey went: raking iterations and the largest margin gap left, the spread of the final
 * weights, Kish's design effect due to weighting (1 + CV^2) and the effective sample size n / deff, the number of
 * weights trimmed to the cap, and the collapsed categories.
 */
public record WeightDiagnostics(String survey, long respondents, int iterations, double maxMarginGap,
                                double minWeight, double medianWeight, double maxWeight, double kishDesignEffect,
                                double effectiveSampleSize, int trimmingRounds, long trimmed,
                                List<String> collapsed) {
  public WeightDiagnostics {
    collapsed = List.copyOf(collapsed);
  }

  static WeightDiagnostics of(String survey, UnitWeights weights, int iterations, double maxGap, int rounds,
                              long trimmed, List<String> collapsed) {
    double deff = weights.kishDesignEffect();
    return new WeightDiagnostics(survey, weights.units(), iterations, maxGap, weights.min(), weights.median(),
        weights.max(), deff, weights.units() / deff, rounds, trimmed, collapsed);
  }

  public double ratioMaxMin() {
    return maxWeight / minWeight;
  }

  public String summary() {
    return String.format("%s: %d respondents, raking %d iteration(s) (largest gap %.2g), weights %.4g .. %.4g "
            + "(median %.4g, max/min %.1f), Kish deff %.3f, effective n %.0f, %d trimmed%s", survey, respondents,
        iterations, maxMarginGap, minWeight, maxWeight, medianWeight, ratioMaxMin(), kishDesignEffect,
        effectiveSampleSize, trimmed, collapsed.isEmpty() ? "" : ", collapsed " + collapsed);
  }
}
