package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;
import java.util.Map;

/**
 * The probability of each item of a question group (a business function being used, a prerequisite being a barrier)
 * per row of a table conditional on the {@code by} variables, then {@link LogitShift}s common to all items.
 */
public record ItemChances(List<String> by, Map<String, Map<String, Double>> p, List<LogitShift> shifts) {
  public ItemChances {
    by = by == null ? List.of() : List.copyOf(by);
    shifts = shifts == null ? List.of() : List.copyOf(shifts);
    checkArgument(p != null && !p.isEmpty(), "An item probability table lists no rows");
    p = TableKeys.orderedRows(p);
    for (Map.Entry<String, Map<String, Double>> row : p.entrySet()) {
      for (Map.Entry<String, Double> item : row.getValue().entrySet()) {
        Probabilities.check(row.getKey() + "/" + item.getKey(), item.getValue(), !shifts.isEmpty());
      }
    }
  }
}
