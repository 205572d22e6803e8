package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * An additive log-odds shift of a probability by the category of {@code variable}: {@code logit(p) +
 * logOdds[category]}. Categories not listed shift by 0.
 */
public record LogitShift(String variable, Map<String, Double> logOdds) {
  public LogitShift {
    checkArgument(variable != null, "A shift needs a variable");
    checkArgument(logOdds != null && !logOdds.isEmpty(), "The shift by '%s' lists no log-odds", variable);
    logOdds = TableKeys.ordered(logOdds);
    logOdds.values().forEach(v -> checkArgument(Double.isFinite(v),
        "The shift by '%s' has a log-odds that is not a number", variable));
  }
}
