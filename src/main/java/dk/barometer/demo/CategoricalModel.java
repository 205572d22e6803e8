package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A categorical variable drawn for every unit: the shares of its categories in each row of a table conditional on
 * the {@code by} variables (rows need not sum to 100; they are normalised), optionally shifted by
 * {@link OddsShift}s of further variables. Population classifications and latent answer variables (the true AI
 * maturity of a firm, say) are both drawn this way.
 */
public record CategoricalModel(String variable, List<String> by, Map<String, Map<String, Double>> shares,
                               List<OddsShift> shifts) {
  public CategoricalModel {
    checkArgument(variable != null && variable.matches("[a-z][a-z0-9_]*"),
        "A drawn variable needs a lower-case name, not '%s'", variable);
    by = by == null ? List.of() : List.copyOf(by);
    shifts = shifts == null ? List.of() : List.copyOf(shifts);
    checkArgument(shares != null && !shares.isEmpty(), "'%s' has no shares", variable);
    shares = TableKeys.orderedRows(shares);
    for (Map.Entry<String, Map<String, Double>> row : shares.entrySet()) {
      double total = 0;
      for (double share : row.getValue().values()) {
        checkArgument(share >= 0 && Double.isFinite(share), "'%s' row '%s' has a negative share", variable,
            row.getKey());
        total += share;
      }
      checkArgument(total > 0, "'%s' row '%s' has no positive share", variable, row.getKey());
    }
  }

  /** Every category of the variable, in the order the table first lists them. */
  public List<String> categories() {
    Set<String> categories = new LinkedHashSet<>();
    shares.values().forEach(row -> categories.addAll(row.keySet()));
    return new ArrayList<>(categories);
  }

  /** The probability of each category given the categories of the input variables (the draw's exact twin). */
  public Map<String, Double> probabilities(Map<String, String> given) {
    Map<String, Double> row = shares.get(TableKeys.of(by, given));
    Map<String, Double> weights = new LinkedHashMap<>();
    double total = 0;
    for (String category : categories()) {
      double weight = row.getOrDefault(category, 0.0);
      for (OddsShift shift : shifts) {
        weight *= Math.exp(shift.of(given.get(shift.variable()), category));
      }
      weights.put(category, weight);
      total += weight;
    }
    double sum = total;
    weights.replaceAll((category, weight) -> weight / sum);
    return weights;
  }
}
