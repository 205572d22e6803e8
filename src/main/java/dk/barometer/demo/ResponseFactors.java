package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/** Multiplicative factors on the response propensity by the category of {@code variable}; unlisted: 1. */
public record ResponseFactors(String variable, Map<String, Double> factors) {
  public ResponseFactors {
    checkArgument(variable != null, "Response factors need a variable");
    checkArgument(factors != null && !factors.isEmpty(), "Response factors by '%s' list no factors", variable);
    factors = TableKeys.ordered(factors);
    factors.values().forEach(f -> checkArgument(f > 0 && Double.isFinite(f),
        "Response factors by '%s' must be positive", variable));
  }

  double of(String category) {
    return factors.getOrDefault(category, 1.0);
  }
}
