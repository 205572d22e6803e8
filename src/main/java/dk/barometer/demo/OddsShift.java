package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * Additive log-odds shifts of a categorical draw by the category of {@code variable}: a category's weight is
 * multiplied by {@code exp(logOdds[value of variable][category])}. Values and categories not listed shift by 0.
 */
public record OddsShift(String variable, Map<String, Map<String, Double>> logOdds) {
  public OddsShift {
    checkArgument(variable != null, "A shift needs a variable");
    checkArgument(logOdds != null && !logOdds.isEmpty(), "The shift by '%s' lists no log-odds", variable);
    logOdds = TableKeys.orderedRows(logOdds);
    logOdds.values().forEach(row -> row.values().forEach(v -> checkArgument(Double.isFinite(v),
        "The shift by '%s' has a log-odds that is not a number", variable)));
  }

  /** The log-odds of {@code category} when the shift variable has {@code value}. */
  double of(String value, String category) {
    return logOdds.getOrDefault(value, Map.of()).getOrDefault(category, 0.0);
  }
}
