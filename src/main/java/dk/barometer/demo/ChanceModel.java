package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;
import java.util.Map;

/**
 * The probability of a yes/no latent (a firm "has at least one barrier", say): {@code p} per row of a table
 * conditional on the {@code by} variables, then {@link LogitShift}s by further variables on the log-odds scale.
 */
public record ChanceModel(List<String> by, Map<String, Double> p, List<LogitShift> shifts) {
  public ChanceModel {
    by = by == null ? List.of() : List.copyOf(by);
    shifts = shifts == null ? List.of() : List.copyOf(shifts);
    checkArgument(p != null && !p.isEmpty(), "A probability table lists no probabilities");
    p = TableKeys.ordered(p);
    for (Map.Entry<String, Double> row : p.entrySet()) {
      Probabilities.check(row.getKey(), row.getValue(), !shifts.isEmpty());
    }
  }
}
