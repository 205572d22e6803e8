package dk.barometer.weighting;

import java.util.List;
import java.util.Map;

/**
 * The outcome of raking: the factor by which each cell's design weights are multiplied, the iterations used (one
 * iteration adjusts every margin once) and the largest absolute gap left between weighted and register totals.
 */
public record RakingResult(Map<List<String>, Double> factors, int iterations, double maxGap) {
  public RakingResult {
    factors = Map.copyOf(factors);
  }
}
